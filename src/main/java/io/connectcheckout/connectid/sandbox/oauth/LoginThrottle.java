package io.connectcheckout.connectid.sandbox.oauth;

import io.connectcheckout.connectid.sandbox.SandboxTime;
import io.connectcheckout.connectid.sandbox.users.Credential;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The login server's limits against guessing (issue 13 items 12 and 13), per credential in its
 * one canonical form ({@link Credential}: {@code +47…}, {@code 0047…} and the bare number are one)
 * and per client address:
 * <ul>
 * <li>wrong passwords: growing delays ({@link GrowingDelay}) after {@value #MAX_FAILURES} per
 * credential and {@value #MAX_ADDRESS_FAILURES} per address; the right password passes once the
 * delay is over;</li>
 * <li>one-time codes: at most {@value #CODE_REQUESTS_PER_CREDENTIAL} requests an hour per
 * credential and {@value #CODE_REQUESTS_PER_ADDRESS} per address (Bucket4j token buckets), and
 * wrong codes counted per credential across codes, so a new code does not renew the budget.</li>
 * </ul>
 * In memory per instance, like the API rate limits; time from the injected sandbox clock.
 * Waits are whole seconds, for {@code Retry-After} (RFC 9110 §10.2.3).
 */
@ApplicationScoped
public class LoginThrottle {

    /** Wrong passwords for one credential before the first delay. */
    public static final int MAX_FAILURES = 10;
    /** Wrong passwords from one address (any credentials) before the first delay. */
    public static final int MAX_ADDRESS_FAILURES = 50;
    /** Wrong one-time codes for one credential, across its codes, before the first delay. */
    public static final int MAX_CODE_FAILURES = 2 * LoginCode.MAX_ATTEMPTS;
    /** The first delay; each further failure doubles it. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Failures are forgotten after this long without one. */
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    public static final int CODE_REQUESTS_PER_CREDENTIAL = 5;
    public static final int CODE_REQUESTS_PER_ADDRESS = 30;
    private static final Duration CODE_REQUEST_PERIOD = Duration.ofHours(1);

    private final Clock clock;
    private final TimeMeter meter;
    private final GrowingDelay passwordsPerCredential =
            new GrowingDelay(MAX_FAILURES, FIRST_DELAY, MAX_DELAY, FORGET_AFTER);
    private final GrowingDelay passwordsPerAddress =
            new GrowingDelay(MAX_ADDRESS_FAILURES, FIRST_DELAY, MAX_DELAY, FORGET_AFTER);
    private final GrowingDelay codesPerCredential =
            new GrowingDelay(MAX_CODE_FAILURES, FIRST_DELAY, MAX_DELAY, FORGET_AFTER);
    private final ConcurrentHashMap<String, Bucket> codeRequests = new ConcurrentHashMap<>();

    public LoginThrottle(@SandboxTime Clock clock) {
        this.clock = clock;
        // Bucket4j reads time through this, so tests move the buckets with the clock instead of sleeping.
        this.meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Seconds until a password may be tried for this credential from this address; 0: now. */
    public long passwordWait(String credential, String address) {
        long now = clock.millis();
        return Math.max(passwordsPerCredential.waitSeconds(key(credential), now),
                passwordsPerAddress.waitSeconds(address(address), now));
    }

    public void passwordFailed(String credential, String address) {
        long now = clock.millis();
        passwordsPerCredential.failed(key(credential), now);
        passwordsPerAddress.failed(address(address), now);
    }

    /** Clears the credential's count; the address keeps its own (one good account must not reset it). */
    public void passwordSucceeded(String credential) {
        passwordsPerCredential.succeeded(key(credential));
    }

    /**
     * Takes one code request for this credential and address: 0 when a code may be sent, else the
     * seconds until the next one may. A refused request takes nothing.
     */
    public long takeCodeRequest(String credential, String address) {
        Bucket perCredential = bucket("c:" + key(credential), CODE_REQUESTS_PER_CREDENTIAL);
        Bucket perAddress = bucket("a:" + address(address), CODE_REQUESTS_PER_ADDRESS);
        long credentialWait = nanosToWait(perCredential);
        long addressWait = nanosToWait(perAddress);
        if (credentialWait > 0 || addressWait > 0) {
            return (Math.max(credentialWait, addressWait) + 999_999_999L) / 1_000_000_000L;
        }
        perCredential.tryConsume(1);
        perAddress.tryConsume(1);
        return 0;
    }

    /** Seconds until a code may be tried for this credential; 0: now. */
    public long codeWait(String credential) {
        return codesPerCredential.waitSeconds(key(credential), clock.millis());
    }

    public void codeFailed(String credential) {
        codesPerCredential.failed(key(credential), clock.millis());
    }

    public void codeSucceeded(String credential) {
        codesPerCredential.succeeded(key(credential));
    }

    @Scheduled(every = "10m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetIdle() {
        long now = clock.millis();
        passwordsPerCredential.forgetIdle(now);
        passwordsPerAddress.forgetIdle(now);
        codesPerCredential.forgetIdle(now);
        // A full bucket holds nothing worth keeping.
        codeRequests.entrySet().removeIf(e -> e.getValue().getAvailableTokens()
                >= (e.getKey().startsWith("c:") ? CODE_REQUESTS_PER_CREDENTIAL : CODE_REQUESTS_PER_ADDRESS));
    }

    private long nanosToWait(Bucket bucket) {
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    private Bucket bucket(String key, int perPeriod) {
        return codeRequests.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perPeriod).refillGreedy(perPeriod, CODE_REQUEST_PERIOD).build())
                .withCustomTimePrecision(meter)
                .build());
    }

    /** The canonical credential; what is no credential at all is still counted, by its trimmed lower-case text. */
    private static String key(String credential) {
        if (credential == null) {
            return "";
        }
        return Credential.parse(credential).map(Credential::value)
                .orElseGet(() -> {
                    String text = credential.trim().toLowerCase(Locale.ROOT);
                    return text.substring(0, Math.min(text.length(), Credential.MAX_LENGTH + 1));
                });
    }

    private static String address(String address) {
        return address == null ? "unknown" : address;
    }
}
