package io.connectcheckout.checkout;

import io.connectcheckout.publisher.Brand;
import io.connectcheckout.web.CheckoutConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds a shopper's checkout: by the session cookie (within its idle and absolute timeouts,
 * {@code checkout.session.*}), by a signed reference on a return, or by its reference for
 * support; and says whether a cookie owns a checkout. The cookie value is never stored, only its
 * SHA-256.
 */
@ApplicationScoped
public class CheckoutSessions {

    /** Longest cookie value looked up; anything longer is not one of ours. */
    private static final int MAX_COOKIE_LENGTH = 100;

    private final ReturnUrls urls;
    private final CheckoutConfig config;
    private final Clock clock;

    public CheckoutSessions(ReturnUrls urls, CheckoutConfig config, Clock clock) {
        this.urls = urls;
        this.config = config;
        this.clock = clock;
    }

    /** The live checkout this cookie value holds, if any. */
    public Optional<CheckoutSession> byCookie(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > MAX_COOKIE_LENGTH) {
            return Optional.empty();
        }
        String hash = SessionTokens.sha256Hex(cookieValue);
        return QuarkusTransaction.requiringNew().call(() -> CheckoutSession.findByTokenHash(hash)
                .map(CheckoutStore::withWhatTheFlowNeeds))
                .filter(this::alive);
    }

    /**
     * Idle and absolute timeouts of the cookie's hold on a checkout. A checkout with money in
     * flight or a receipt is never cut off by the idle timeout (the shopper may come back from a
     * slow payment), only by the absolute one.
     */
    boolean alive(CheckoutSession s) {
        Instant now = clock.instant();
        if (s.createdAt().plus(config.session().absoluteTimeout()).isBefore(now)) {
            return false;
        }
        return s.step().inFlight() || s.step() == Step.COMPLETED
                || s.updatedAt().plus(config.session().idleTimeout()).isAfter(now);
    }

    /**
     * The checkout of a signed return or receipt link; empty when the signature is not ours for
     * {@code purpose} and this reference.
     *
     * @throws ExpiredLinkException when the link is ours but past its expiry
     */
    public Optional<CheckoutSession> bySignedReference(String purpose, String reference, String signature) {
        SignedReference.Check check = urls.check(purpose, reference, signature);
        if (check == SignedReference.Check.FORGED) {
            return Optional.empty();
        }
        Optional<CheckoutSession> found = QuarkusTransaction.requiringNew().call(() -> CheckoutSession.findByReference(reference)
                .map(CheckoutStore::withWhatTheFlowNeeds));
        if (check == SignedReference.Check.EXPIRED && found.isPresent()) {
            throw new ExpiredLinkException(Brand.of(found.get().publisher()));
        }
        return found;
    }

    /** The id of the checkout with this public reference (for the support view). */
    public Optional<Long> findReference(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> CheckoutSession.findByReference(reference)
                .map(CheckoutSession::id));
    }

    /** The checkout's timeline, oldest first. */
    public List<CheckoutEvent> timeline(Long sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> CheckoutEvent.timeline(sessionId));
    }

    /** Whether this cookie value is the one that holds {@code session} (compared in constant time). */
    public boolean owns(String cookieValue, CheckoutSession session) {
        if (cookieValue == null) {
            return false;
        }
        return MessageDigest.isEqual(SessionTokens.sha256Hex(cookieValue).getBytes(StandardCharsets.US_ASCII),
                session.tokenHash().getBytes(StandardCharsets.US_ASCII));
    }
}
