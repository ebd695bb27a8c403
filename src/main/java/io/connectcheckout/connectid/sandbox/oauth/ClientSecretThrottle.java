package io.connectcheckout.connectid.sandbox.oauth;

import com.github.benmanes.caffeine.cache.Ticker;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Slows down guessing of client secrets at the token endpoint (outside attack 2026-12-03, finding
 * 8c: 40 wrong secrets got 40 × 401 and then the right one 200) with the login server's
 * {@link GuessThrottle}: after {@value #MAX_FAILURES} wrong secrets for one {@code client_id} (a
 * known one or not) from one address, {@value #MAX_ADDRESS_FAILURES} from one address for any
 * clients, or {@value #MAX_CLIENT_FAILURES} for one client from all addresses (not counted against
 * an address where the client authenticated within {@link #KNOWN_ADDRESS_FOR}), the next try must
 * wait {@link #FIRST_DELAY}, twice as long after each further failure, at most {@link #MAX_DELAY}.
 * While a wait runs every try is refused with 429 and {@code Retry-After} (RFC 6585 §4, RFC 9110
 * §10.2.3) before the secret is even checked, so the right secret passes only once the wait is
 * over: a delay, never a lock-out, and a stranger's wrong secrets never make the client wait at its
 * own address, nor do its own right secrets still being checked ({@link GuessThrottle}). A request whose credentials cannot be read at all (no client id) is not a guess and
 * is not counted. In memory per instance; time from the injected sandbox clock.
 */
@ApplicationScoped
public class ClientSecretThrottle {

    /** Wrong secrets for one client from one address before the first delay. */
    public static final int MAX_FAILURES = 10;
    /** Wrong secrets from one address (any clients) before the first delay. */
    public static final int MAX_ADDRESS_FAILURES = 50;
    /** Wrong secrets for one client from all addresses before the first delay at unknown addresses. */
    public static final int MAX_CLIENT_FAILURES = 100;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Failures are forgotten after this long without one. */
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** How long an address where the client authenticated stays exempt from its all-addresses limit. */
    public static final Duration KNOWN_ADDRESS_FOR = Duration.ofDays(30);
    /** Longer client ids are counted by their first this many characters. */
    private static final int KEY_LENGTH = 200;

    private final Clock clock;
    private final KnownAddresses known = new KnownAddresses(KNOWN_ADDRESS_FOR);
    private final GuessThrottle secrets;

    public ClientSecretThrottle(@SandboxTime Clock clock) {
        this.clock = clock;
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.secrets = new GuessThrottle(
                new GuessThrottle.Allowances(MAX_FAILURES, MAX_ADDRESS_FAILURES, MAX_CLIENT_FAILURES),
                FIRST_DELAY, MAX_DELAY, FORGET_AFTER, known, ticker);
    }

    /**
     * Counts a try of this client's secret from this address before it is checked (simultaneous
     * tries cannot pass the limit): 0 when it may be checked now, else the whole seconds to wait.
     */
    public long attempt(String clientId, String address) {
        return secrets.tryAttempt(key(clientId), ClientAddresses.key(address), clock.millis());
    }

    public void succeeded(String clientId, String address) {
        secrets.succeeded(key(clientId), ClientAddresses.key(address), clock.millis());
    }

    /** The secret counted by {@link #attempt} was wrong: it stays counted. */
    public void failed(String clientId, String address) {
        secrets.failed(key(clientId), ClientAddresses.key(address), clock.millis());
    }

    @Scheduled(every = "10m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetIdle() {
        secrets.forgetIdle();
        known.forgetIdle(clock.millis());
    }

    private static String key(String clientId) {
        return clientId.length() > KEY_LENGTH ? clientId.substring(0, KEY_LENGTH) : clientId;
    }
}
