package io.connectcheckout.connectid.sandbox.oauth;

/** Who an Order API call acts for: the client, and in user mode the logged-in user. */
public record Caller(Long clientPk, String clientId, Long userPk) {

    public boolean userMode() {
        return userPk != null;
    }
}
