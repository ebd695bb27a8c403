package io.connectcheckout.checkout;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The shopper's ConnectID login as the checkout keeps it, on the server only: the pending OAuth
 * {@code state} and PKCE verifier of a login under way (RFC 6749 §10.12, RFC 7636), and after it
 * the user id and tokens. The tokens never leave this row (no cookie, no URL, no log).
 */
@Embeddable
public class Login {

    @Column(name = "login_state")
    private String state;
    @Column(name = "login_verifier")
    private String verifier;
    private String userId;
    private String accessToken;
    private String refreshToken;
    private Instant tokenExpiresAt;

    void begin(String newState, String newVerifier) {
        state = newState;
        verifier = newVerifier;
    }

    void completed(String user, String access, String refresh, Instant expiresAt) {
        state = null;
        verifier = null;
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

    /** The OAuth {@code state} of the login under way, or null. */
    public String state() {
        return state;
    }

    /** The PKCE code verifier of the login under way, or null. */
    public String verifier() {
        return verifier;
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
