package io.connectcheckout.connectid.sandbox;

import io.connectcheckout.connectid.sandbox.oauth.Caller;
import io.connectcheckout.connectid.sandbox.oauth.OAuthService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;

/**
 * Bearer checks of the Order API (RFC 6750 §3.1: 401 with a bare {@code Bearer} challenge when no
 * token was sent, 401 {@code invalid_token} when the token is no good), then the caller's rate limit (429).
 * Client-mode endpoints need a client-credentials token, user-mode endpoints a user's token.
 */
@ApplicationScoped
public class ApiAuth {

    private final OAuthService oauth;
    private final RateLimiter limiter;
    private final ApiCallState state;
    private final Clock clock;

    public ApiAuth(OAuthService oauth, RateLimiter limiter, ApiCallState state, @SandboxTime Clock clock) {
        this.oauth = oauth;
        this.limiter = limiter;
        this.state = state;
        this.clock = clock;
    }

    public Caller client(HttpHeaders headers) {
        Caller caller = caller(headers);
        if (caller.userMode()) {
            throw ApiException.invalidToken("A client-credentials token is required for client mode");
        }
        return limited(caller);
    }

    public Caller user(HttpHeaders headers) {
        Caller caller = caller(headers);
        if (!caller.userMode()) {
            throw ApiException.invalidToken("A user's access token is required for user mode");
        }
        return limited(caller);
    }

    private Caller caller(HttpHeaders headers) {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // No bearer credentials at all (none, or another scheme): a challenge without an error code.
            throw ApiException.noCredentials();
        }
        return oauth.caller(header.substring(7).trim())
                .orElseThrow(() -> ApiException.invalidToken("The access token is invalid or has expired"));
    }

    private Caller limited(Caller caller) {
        RateLimiter.Decision decision = limiter.acquire(caller.clientId());
        state.decision(decision);
        if (!decision.allowed()) {
            long retryAfter = decision.resetEpochSeconds() - clock.millis() / 1000;
            throw ApiException.tooManyRequests(decision.resetEpochSeconds(), retryAfter);
        }
        return caller;
    }
}
