package io.connectcheckout.connectid.sandbox.oauth;

import io.connectcheckout.connectid.sandbox.SandboxTime;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows down guessing of client secrets at the token endpoint (outside attack 2026-12-03, finding
 * 8c: 40 wrong secrets got 40 × 401 and then the right one 200). Wrong secrets are counted per
 * {@code client_id} (a known one or not) and per client address, with the login server's growing
 * delays ({@link GrowingDelay}, as {@link LoginThrottle} does for passwords): after
 * {@value #MAX_FAILURES} failures for one client or {@value #MAX_ADDRESS_FAILURES} from one address
 * the next try must wait {@link #FIRST_DELAY}, twice as long after each further failure, at most
 * {@link #MAX_DELAY}. While a wait runs every try is refused with 429 and {@code Retry-After}
 * (RFC 6585 §4, RFC 9110 §10.2.3) before the secret is even checked, so the right secret passes only
 * once the wait is over: a delay, never a lock-out. The right secret clears the client's count; the
 * address keeps its own (one good client must not reset it). A request whose credentials cannot be
 * read at all (no client id) is not a guess and is not counted. In memory per instance; time from
 * the injected sandbox clock.
 */
@ApplicationScoped
public class ClientSecretThrottle {

    /** Wrong secrets for one client before the first delay. */
    public static final int MAX_FAILURES = 10;
    /** Wrong secrets from one address (any clients) before the first delay. */
    public static final int MAX_ADDRESS_FAILURES = 50;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Failures are forgotten after this long without one. */
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** Longer client ids are counted by their first this many characters. */
    private static final int KEY_LENGTH = 200;

    private final Clock clock;
    private final GrowingDelay perClient = new GrowingDelay(MAX_FAILURES, FIRST_DELAY, MAX_DELAY, FORGET_AFTER);
    private final GrowingDelay perAddress = new GrowingDelay(MAX_ADDRESS_FAILURES, FIRST_DELAY, MAX_DELAY, FORGET_AFTER);

    public ClientSecretThrottle(@SandboxTime Clock clock) {
        this.clock = clock;
    }

    /** Whole seconds until this client may be authenticated from this address; 0: now. */
    public long waitSeconds(String clientId, String address) {
        long now = clock.millis();
        return Math.max(perClient.waitSeconds(key(clientId), now), perAddress.waitSeconds(address(address), now));
    }

    public void failed(String clientId, String address) {
        long now = clock.millis();
        perClient.failed(key(clientId), now);
        perAddress.failed(address(address), now);
    }

    public void succeeded(String clientId) {
        perClient.succeeded(key(clientId));
    }

    @Scheduled(every = "10m")
    void forgetIdle() {
        long now = clock.millis();
        perClient.forgetIdle(now);
        perAddress.forgetIdle(now);
    }

    private static String key(String clientId) {
        return clientId.length() > KEY_LENGTH ? clientId.substring(0, KEY_LENGTH) : clientId;
    }

    private static String address(String address) {
        return address == null ? "unknown" : address;
    }
}
