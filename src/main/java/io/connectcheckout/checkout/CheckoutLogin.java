package io.connectcheckout.checkout;

import io.connectcheckout.connectid.client.ClientCredentials;
import io.connectcheckout.connectid.client.ConnectIdGateway;
import io.connectcheckout.connectid.client.ConnectIdRejectedException;
import io.connectcheckout.connectid.client.Profile;
import io.connectcheckout.connectid.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The shopper's optional ConnectID login in the middle of a checkout: the OAuth 2.0 authorization
 * code flow with PKCE S256 (RFC 6749 §4.1, RFC 7636), with {@code state} and the verifier kept on
 * the server; the profile read to prefill empty payer fields; logout; and keeping the login usable
 * until the order is registered (refresh_token grant, RFC 6749 §6).
 */
@ApplicationScoped
public class CheckoutLogin {

    private static final Logger LOG = Logger.getLogger(CheckoutLogin.class);
    /** An access token running out within this many seconds is renewed before Register order. */
    private static final long RENEW_BEFORE_SECONDS = 60;

    private final ConnectIdGateway connectId;
    private final CheckoutStore store;
    private final ReturnUrls urls;
    private final Clock clock;

    public CheckoutLogin(ConnectIdGateway connectId, CheckoutStore store, ReturnUrls urls, Clock clock) {
        this.connectId = connectId;
        this.store = store;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * Starts a login: a fresh state and PKCE verifier, kept server-side.
     *
     * @return where the browser goes (ConnectID's authorize endpoint)
     * @throws IllegalStepException when the checkout is past the details
     */
    public URI beginLogin(Long sessionId) {
        String state = SessionTokens.newSessionToken();
        String verifier = SessionTokens.newSessionToken() + SessionTokens.newSessionToken();
        store.change(sessionId, (s, now) -> s.beginLogin(state, verifier, now), CheckoutEventType.LOGIN_STARTED, null);
        CheckoutSession session = store.load(sessionId);
        return connectId.authorizeUrl(session.publisher().connectIdClientId, urls.loginRedirectUri(), state,
                SessionTokens.codeChallenge(verifier));
    }

    /**
     * Completes a login: checks {@code state} against the session, exchanges the code (PKCE),
     * reads the profile to prefill empty payer fields, and issues a new session id.
     *
     * @return the new cookie value, or empty when the state does not match (a forged or stale callback)
     * @throws ConnectIdRejectedException when ConnectID refuses the code
     */
    public Optional<String> completeLogin(Long sessionId, String state, String code) {
        CheckoutSession current = store.load(sessionId);
        String expected = current.login().state();
        if (expected == null || state == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        ClientCredentials client = Accounts.connectId(current.publisher());
        Tokens tokens = connectId.exchangeCode(client, code, urls.loginRedirectUri(), current.login().verifier());
        Profile profile = connectId.profile(tokens.accessToken());
        String newToken = SessionTokens.newSessionToken();
        store.change(sessionId, (s, now) -> s.loggedIn(SessionTokens.sha256Hex(newToken), profile.userId(),
                tokens.accessToken(), tokens.refreshToken(), now.plusSeconds(tokens.expiresInSeconds()), profile, now),
                CheckoutEventType.LOGGED_IN, profile.userId());
        return Optional.of(newToken);
    }

    /** Logs out: the tokens are forgotten and the session gets a new id. @return the new cookie value */
    public String logout(Long sessionId) {
        String newToken = SessionTokens.newSessionToken();
        store.change(sessionId, (s, now) -> s.loggedOut(SessionTokens.sha256Hex(newToken), now),
                CheckoutEventType.LOGGED_OUT, null);
        return newToken;
    }

    /**
     * The shopper's access token for a registration in their name, renewed with the refresh token
     * when it runs out within a minute; empty (register as a guest's order, assigned afterwards)
     * when the shopper is not logged in or ConnectID no longer accepts the login.
     */
    Optional<String> accessTokenForRegistration(CheckoutSession s, ClientCredentials client) {
        Login login = s.login();
        if (login.accessToken() == null) {
            return Optional.empty();
        }
        Instant expires = login.tokenExpiresAt();
        if (expires == null || expires.isAfter(clock.instant().plusSeconds(RENEW_BEFORE_SECONDS))) {
            return Optional.of(login.accessToken());
        }
        if (login.refreshToken() != null) {
            try {
                Tokens tokens = connectId.refresh(client, login.refreshToken());
                store.change(s.id(), (x, now) -> x.tokensRefreshed(tokens.accessToken(), tokens.refreshToken(),
                        now.plusSeconds(tokens.expiresInSeconds()), now), CheckoutEventType.LOGIN_REFRESHED, null);
                return Optional.of(tokens.accessToken());
            } catch (ConnectIdRejectedException refused) {
                LOG.infof("Login of checkout %d could not be renewed: %s", s.id(), refused.getMessage());
            }
        }
        store.change(s.id(), (x, now) -> x.loginLapsed(now), CheckoutEventType.LOGIN_LAPSED,
                "the login ran out; registered as a guest's order");
        return Optional.empty();
    }
}
