package io.connectcheckout.connectid.client;

/** A publisher's ConnectID client. {@link #toString()} never shows the secret. */
public record ClientCredentials(String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "ClientCredentials[" + clientId + "]";
    }
}
