package io.connectcheckout.checkout;

import io.connectcheckout.connectid.client.ClientCredentials;
import io.connectcheckout.connectid.client.ConnectIdGateway;
import io.connectcheckout.connectid.client.ConnectIdRejectedException;
import io.connectcheckout.connectid.client.Profile;
import io.connectcheckout.connectid.client.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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
    /** How long a login begun may take at the login server before its state is refused. */
    static final Duration LOGIN_LIFETIME = Duration.ofMinutes(30);
    /** Longest {@code state} looked up (ours are 43 characters). */
    private static final int MAX_STATE_LENGTH = 128;
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
     * Starts a login: a fresh state and PKCE verifier, kept server-side as a {@link LoginAttempt}
     * of its own, so that another login begun in another tab does not overwrite it.
     *
     * @return where the browser goes (ConnectID's authorize endpoint)
     * @throws IllegalStepException when the checkout is past the details
     */
    public URI beginLogin(Long sessionId) {
        String state = SessionTokens.newSessionToken();
        String verifier = SessionTokens.newSessionToken() + SessionTokens.newSessionToken();
        store.change(sessionId, (s, now) -> {
            s.beginLogin(now);
            LoginAttempt.begin(s.id(), SessionTokens.sha256Hex(state), verifier, now, LOGIN_LIFETIME);
        }, CheckoutEventType.LOGIN_STARTED, null);
        CheckoutSession session = store.load(sessionId);
        return connectId.authorizeUrl(session.publisher().connectIdClientId, urls.loginRedirectUri(), state,
                SessionTokens.codeChallenge(verifier));
    }

    /**
     * Completes a login: uses the login {@code state} names (once), exchanges the code (PKCE), reads
     * the profile to prefill empty payer fields, and issues a new session id. A state this checkout
     * used before (Back replays the authorize URL, and the login server answers at once with a new
     * code and the old state) changes nothing; the code is left unused.
     *
     * @return the outcome; {@link LoginCallback.Refused} for a state not begun by this checkout
     */
    LoginCallback completeLogin(Long sessionId, String state, String code) {
        if (state == null || state.length() > MAX_STATE_LENGTH) {
            return new LoginCallback.Refused();
        }
        LoginAttempt.Claim claim = QuarkusTransaction.requiringNew().call(() ->
                LoginAttempt.claim(sessionId, SessionTokens.sha256Hex(state), clock.instant(), LOGIN_LIFETIME));
        if (claim instanceof LoginAttempt.Claim.Refused refused) {
            LOG.infof("Login callback of checkout %d refused: %s", sessionId, refused.why());
            return new LoginCallback.Refused();
        }
        if (!(claim instanceof LoginAttempt.Claim.Claimed claimed)) {
            return new LoginCallback.AsItIs();
        }
        CheckoutSession current = store.load(sessionId);
        if (!current.step().allows(Step.Move.LOG_IN)) {
            // Confirmed in another tab while this login was under way: the checkout goes on as it is.
            return new LoginCallback.AsItIs();
        }
        ClientCredentials client = Accounts.connectId(current.publisher());
        Tokens tokens;
        try {
            tokens = connectId.exchangeCode(client, code, urls.loginRedirectUri(), claimed.verifier());
        } catch (ConnectIdRejectedException rejected) {
            LOG.infof("Login of checkout %d refused by ConnectID: %s", sessionId, rejected.type());
            return new LoginCallback.Refused();
        }
        Profile profile = connectId.profile(tokens.accessToken());
        String newToken = SessionTokens.newSessionToken();
        try {
            store.change(sessionId, (s, now) -> s.loggedIn(SessionTokens.sha256Hex(newToken), profile.userId(),
                    tokens.accessToken(), tokens.refreshToken(), now.plusSeconds(tokens.expiresInSeconds()), profile,
                    now), CheckoutEventType.LOGGED_IN, profile.userId());
        } catch (IllegalStepException movedOn) {
            return new LoginCallback.AsItIs();
        }
        return new LoginCallback.LoggedIn(newToken);
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
