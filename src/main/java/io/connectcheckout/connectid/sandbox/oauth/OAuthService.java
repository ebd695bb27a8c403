package io.connectcheckout.connectid.sandbox.oauth;

import io.connectcheckout.connectid.api.TokenResponse;
import io.connectcheckout.connectid.sandbox.ConnectIdSandboxConfig;
import io.connectcheckout.connectid.sandbox.Secrets;
import io.connectcheckout.connectid.sandbox.messages.MessageComposer;
import io.connectcheckout.connectid.sandbox.users.CidUser;
import io.connectcheckout.connectid.sandbox.users.Credential;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The login server's rules: client authentication, logins, authorization codes with PKCE, opaque
 * tokens (random, stored as SHA-256 with an expiry) and their refresh with rotation.
 */
@ApplicationScoped
public class OAuthService {

    private final ConnectIdSandboxConfig config;
    private final Clock clock;
    private final MessageComposer composer;

    /** A hash of nothing anyone knows, computed on first use. */
    private static final class DummyHash {
        static final String VALUE = BcryptUtil.bcryptHash(Secrets.newToken());
    }

    public OAuthService(ConnectIdSandboxConfig config, @SandboxTime Clock clock, MessageComposer composer) {
        this.config = config;
        this.clock = clock;
        this.composer = composer;
    }

    @Transactional
    public Optional<Long> authenticateClient(String clientId, String secret) {
        return CidClient.byClientId(clientId).filter(c -> c.secretMatches(secret)).map(c -> c.id);
    }

    /** The user with this credential and password, if both match. */
    @Transactional
    public Optional<Long> login(String rawCredential, String password) {
        Optional<CidUser> user = Credential.parse(rawCredential).flatMap(CidUser::byCredential);
        if (user.isEmpty()) {
            // Same cost as a wrong password, so timing does not tell which e-mails exist.
            BcryptUtil.matches(password == null ? "" : password, DummyHash.VALUE);
            return Optional.empty();
        }
        return user.filter(u -> u.passwordMatches(password)).map(u -> u.id);
    }

    /** Lifetime of a one-time login code. */
    public static final Duration LOGIN_CODE_LIFETIME = Duration.ofMinutes(10);

    /**
     * Sends a one-time login code to the user with this credential, if there is one, for the login
     * that asked: the answer is a random token (256 bits) that the code-entry form carries, and
     * only a try with that token can use the code, so another browser's tries neither use it up
     * nor replace it (outside attack of stop 22). The answer looks the same whether or not the
     * user exists.
     *
     * @return the code request's token, for the code-entry form
     */
    @Transactional
    public String sendLoginCode(String rawCredential, String clientName) {
        String requestToken = Secrets.newToken();
        Optional<Credential> credential = Credential.parse(rawCredential);
        Optional<CidUser> user = credential.flatMap(CidUser::byCredential);
        if (user.isEmpty()) {
            return requestToken;
        }
        String code = String.format("%06d", new java.security.SecureRandom().nextInt(1_000_000));
        LoginCode row = new LoginCode();
        row.codeHash = Secrets.sha256Hex(user.get().id + ":" + code);
        row.requestHash = Secrets.sha256Hex(requestToken);
        row.user = user.get();
        row.expiresAt = clock.instant().plus(LOGIN_CODE_LIFETIME);
        row.attempts = 0;
        row.persist();
        composer.codeMessage(credential.get(), clientName, code, (int) LOGIN_CODE_LIFETIME.toMinutes());
        return requestToken;
    }

    /**
     * The user whose code, sent for the code request {@code requestToken}, this is; every try
     * counts against that code's attempts (the row is locked, so tries at once cannot exceed them).
     */
    @Transactional
    public Optional<Long> loginWithCode(String rawCredential, String requestToken, String code) {
        Optional<CidUser> user = Credential.parse(rawCredential).flatMap(CidUser::byCredential);
        if (user.isEmpty() || code == null || requestToken == null || requestToken.length() > 100) {
            return Optional.empty();
        }
        Optional<LoginCode> requested = LoginCode.<LoginCode>find("user = ?1 and requestHash = ?2 and usedAt is null",
                user.get(), Secrets.sha256Hex(requestToken))
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        String attempt = Secrets.sha256Hex(user.get().id + ":" + code.replaceAll("\\s", ""));
        return requested.filter(c -> c.tryUse(attempt, clock.instant())).map(c -> user.get().id);
    }

    /** Opens a login session for the browser; returns the cookie value. */
    @Transactional
    public String startLoginSession(Long userPk) {
        String raw = Secrets.newToken();
        LoginSession session = new LoginSession();
        session.sessionHash = Secrets.sha256Hex(raw);
        session.user = CidUser.findById(userPk);
        session.expiresAt = clock.instant().plus(config.loginSessionLifetime());
        session.persist();
        return raw;
    }

    @Transactional
    public Optional<Long> sessionUser(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return LoginSession.<LoginSession>find("sessionHash", Secrets.sha256Hex(cookie)).firstResultOptional()
                .filter(s -> now.isBefore(s.expiresAt)).map(s -> s.user.id);
    }

    @Transactional
    public void endLoginSession(String cookie) {
        if (cookie != null && !cookie.isBlank() && cookie.length() <= 100) {
            LoginSession.delete("sessionHash", Secrets.sha256Hex(cookie));
        }
    }

    /** Issues an authorization code for a logged-in user; returns the raw code. */
    @Transactional
    public String issueCode(Long clientPk, Long userPk, String redirectUri, String codeChallenge) {
        String raw = Secrets.randomHex(20);
        AuthCode code = new AuthCode();
        code.codeHash = Secrets.sha256Hex(raw);
        code.client = CidClient.findById(clientPk);
        code.user = CidUser.findById(userPk);
        code.redirectUri = redirectUri;
        code.codeChallenge = codeChallenge;
        code.expiresAt = clock.instant().plus(config.authCodeLifetime());
        code.persist();
        return raw;
    }

    /**
     * Exchanges a code. A code works once: a second use fails and revokes the tokens of the first
     * (RFC 6749 §4.1.2: the code may have been stolen).
     */
    @Transactional(dontRollbackOn = OAuthProblem.class)
    public TokenResponse exchangeCode(Long clientPk, String rawCode, String redirectUri, String verifier) {
        if (rawCode == null || rawCode.isBlank() || rawCode.length() > 100) {
            throw OAuthProblem.invalidRequest("code is required");
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            throw OAuthProblem.invalidRequest("redirect_uri is required");
        }
        Instant now = clock.instant();
        // Locked for the rest of the exchange: two exchanges of one code at once must not both see
        // it unused (RFC 6749 §4.1.2; outside attack of stop 22: 8 of 12 simultaneous ones won).
        AuthCode code = AuthCode.<AuthCode>find("codeHash", Secrets.sha256Hex(rawCode))
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> OAuthProblem.invalidGrant("Unknown authorization code"));
        if (!code.client.id.equals(clientPk)) {
            throw OAuthProblem.invalidGrant("The code was issued to another client");
        }
        if (!code.use(now)) {
            IssuedToken.<IssuedToken>list("authCode", code).forEach(t -> t.revoke(now));
            throw OAuthProblem.invalidGrant("The authorization code was already used");
        }
        if (!now.isBefore(code.expiresAt)) {
            throw OAuthProblem.invalidGrant("The authorization code has expired");
        }
        if (!code.redirectUri.equals(redirectUri)) {
            throw OAuthProblem.invalidGrant("redirect_uri does not match the authorization request");
        }
        if (code.codeChallenge != null && !Pkce.verifies(verifier, code.codeChallenge)) {
            throw OAuthProblem.invalidGrant("PKCE verification failed");
        }
        return issuePair(code.client, code.user, code, now);
    }

    @Transactional
    public TokenResponse clientCredentials(Long clientPk) {
        Instant now = clock.instant();
        String access = issue(CidClient.findById(clientPk), null, null, IssuedToken.ACCESS,
                config.accessTokenLifetime(), now);
        return new TokenResponse(access, "Bearer", config.accessTokenLifetime().toSeconds(), null);
    }

    /**
     * Refresh with rotation: the old refresh token stops working, a new pair is issued. A rotated
     * (revoked) refresh token that comes back means a copy is loose, and the server cannot tell the
     * thief from the client: every token of its family (all issued from the same authorization
     * code) is revoked, so both must log in again (RFC 9700 §4.14.2, "refresh token rotation").
     * A revoked one that was never used (its family ended) and an expired one are only refused;
     * each {@code invalid_grant} (RFC 6749 §5.2) says which: already used, revoked, or expired.
     */
    @Transactional(dontRollbackOn = OAuthProblem.class)
    public TokenResponse refresh(Long clientPk, String rawRefresh) {
        if (rawRefresh == null || rawRefresh.isBlank() || rawRefresh.length() > 100) {
            throw OAuthProblem.invalidRequest("refresh_token is required");
        }
        Instant now = clock.instant();
        // Locked for the rest of the refresh, as a code in exchangeCode: of refreshes at once one
        // wins, the others wait for its commit, see the token used and revoke the family, the
        // winner's new pair included (outside attack of 2026-12-08: 2 to 6 of 6 to 12 won).
        IssuedToken old = IssuedToken.<IssuedToken>find("tokenHash = ?1 and kind = ?2",
                Secrets.sha256Hex(rawRefresh), IssuedToken.REFRESH)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> OAuthProblem.invalidGrant("Unknown refresh token"));
        if (!old.client.id.equals(clientPk)) {
            throw OAuthProblem.invalidGrant("The refresh token was issued to another client");
        }
        if (old.usedAt != null) {
            revokeFamily(old, now);
            throw OAuthProblem.invalidGrant("The refresh token was already used");
        }
        if (old.revokedAt != null) {
            // Never used, ended with its family (a replay, or its code used twice): nothing more to revoke.
            throw OAuthProblem.invalidGrant("The refresh token was revoked");
        }
        if (!old.usable(now)) {
            throw OAuthProblem.invalidGrant("The refresh token has expired");
        }
        old.use(now);
        return issuePair(old.client, old.user, old.authCode, now);
    }

    /** Revokes every token issued from the same authorization code as {@code token} (its family). */
    private static void revokeFamily(IssuedToken token, Instant now) {
        if (token.authCode == null) {
            token.revoke(now);
            return;
        }
        IssuedToken.<IssuedToken>list("authCode = ?1 and revokedAt is null", token.authCode).forEach(t -> t.revoke(now));
    }

    /** The caller behind a bearer access token, or empty when unknown, expired or revoked. */
    @Transactional
    public Optional<Caller> caller(String rawAccess) {
        if (rawAccess == null || rawAccess.isBlank() || rawAccess.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return IssuedToken.<IssuedToken>find("tokenHash = ?1 and kind = ?2", Secrets.sha256Hex(rawAccess),
                IssuedToken.ACCESS).firstResultOptional()
                .filter(t -> t.usable(now))
                .map(t -> new Caller(t.client.id, t.client.clientId, t.user == null ? null : t.user.id));
    }

    private TokenResponse issuePair(CidClient client, CidUser user, AuthCode code, Instant now) {
        String access = issue(client, user, code, IssuedToken.ACCESS, config.accessTokenLifetime(), now);
        String refresh = issue(client, user, code, IssuedToken.REFRESH, config.refreshTokenLifetime(), now);
        return new TokenResponse(access, "Bearer", config.accessTokenLifetime().toSeconds(), refresh);
    }

    private static String issue(CidClient client, CidUser user, AuthCode code, String kind, Duration lifetime,
            Instant now) {
        String raw = Secrets.newToken();
        IssuedToken token = new IssuedToken();
        token.tokenHash = Secrets.sha256Hex(raw);
        token.kind = kind;
        token.client = client;
        token.user = user;
        token.authCode = code;
        token.createdAt = now;
        token.expiresAt = now.plus(lifetime);
        token.persist();
        return raw;
    }
}
