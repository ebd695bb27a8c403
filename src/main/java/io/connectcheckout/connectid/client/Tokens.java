package io.connectcheckout.connectid.client;

/** A user's tokens from the login server. {@link #toString()} never shows them. */
public record Tokens(String accessToken, String refreshToken, long expiresInSeconds) {

    @Override
    public String toString() {
        return "Tokens[***]";
    }
}
