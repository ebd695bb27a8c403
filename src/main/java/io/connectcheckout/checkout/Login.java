package io.connectcheckout.checkout;

import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The shopper's ConnectID login as the checkout keeps it, on the server only: the user id and
 * tokens. The tokens never leave this row (no cookie, no URL, no log). Logins under way are
 * {@link LoginAttempt}s, one per login begun.
 */
@Embeddable
public class Login {

    private String userId;
    private String accessToken;
    private String refreshToken;
    private Instant tokenExpiresAt;

    void completed(String user, String access, String refresh, Instant expiresAt) {
        userId = user;
        tokensRefreshed(access, refresh, expiresAt);
    }

    void tokensRefreshed(String access, String refresh, Instant expiresAt) {
        accessToken = access;
        refreshToken = refresh;
        tokenExpiresAt = expiresAt;
    }

    /** The tokens are gone; the user id stays for the support view. */
    void dropTokens() {
        tokensRefreshed(null, null, null);
    }

    void loggedOut() {
        userId = null;
        dropTokens();
    }

    /** ConnectID's unique user id of the logged-in shopper, or null. */
    public String userId() {
        return userId;
    }

    public String accessToken() {
        return accessToken;
    }

    public String refreshToken() {
        return refreshToken;
    }

    /** When the access token runs out, or null when ConnectID did not say. */
    public Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }
}
