package io.connectcheckout.connectid.sandbox.oauth;

import io.connectcheckout.connectid.sandbox.SandboxTime;
import io.connectcheckout.connectid.sandbox.users.Credential;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The login server's limits against guessing (issue 13 items 12 and 13), per credential in its
 * one canonical form ({@link Credential}: {@code +47…}, {@code 0047…} and the bare number are one)
 * and per client address, so that nobody can make the owner wait ({@link GuessThrottle}):
 * <ul>
 * <li>wrong passwords: growing delays after {@value #MAX_FAILURES} for one credential from one
 * address, {@value #MAX_ADDRESS_FAILURES} from one address for any credentials, and
 * {@value #MAX_CREDENTIAL_FAILURES} for one credential from all addresses (not counted against
 * an address where it has logged in within {@link #KNOWN_ADDRESS_FOR}); the right password passes
 * once a delay is over;</li>
 * <li>one-time codes: at most {@value #CODE_REQUESTS_PER_CREDENTIAL} requests an hour for one
 * credential from one address, {@value #CODE_REQUESTS_PER_ADDRESS} from one address and
 * {@value #CODE_REQUESTS_PER_CREDENTIAL_ALL_ADDRESSES} for one credential from all addresses
 * ({@link CodeRequestLimits}); wrong codes are counted like wrong passwords, across codes, so a new
 * code does not renew the budget.</li>
 * </ul>
 * A password or a code proves the credential at that address for both. In memory per instance,
 * like the API rate limits; time from the injected sandbox clock. Waits are whole seconds, for
 * {@code Retry-After} (RFC 9110 §10.2.3).
 */
@ApplicationScoped
public class LoginThrottle {

    /** Wrong passwords for one credential from one address before the first delay. */
    public static final int MAX_FAILURES = 10;
    /** Wrong passwords from one address (any credentials) before the first delay. */
    public static final int MAX_ADDRESS_FAILURES = 50;
    /** Wrong passwords for one credential from all addresses before the first delay at unknown addresses. */
    public static final int MAX_CREDENTIAL_FAILURES = 100;
    /** Wrong one-time codes for one credential from one address, across its codes, before the first delay. */
    public static final int MAX_CODE_FAILURES = 2 * LoginCode.MAX_ATTEMPTS;
    /** The first delay; each further failure doubles it. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Failures are forgotten after this long without one. */
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** How long an address where a credential logged in stays exempt from its all-addresses limits. */
    public static final Duration KNOWN_ADDRESS_FOR = Duration.ofDays(30);
    public static final int CODE_REQUESTS_PER_CREDENTIAL = 5;
    public static final int CODE_REQUESTS_PER_ADDRESS = 30;
    public static final int CODE_REQUESTS_PER_CREDENTIAL_ALL_ADDRESSES = 20;

    private final Clock clock;
    private final KnownAddresses known = new KnownAddresses(KNOWN_ADDRESS_FOR);
    private final GuessThrottle passwords = new GuessThrottle(
            new GuessThrottle.Allowances(MAX_FAILURES, MAX_ADDRESS_FAILURES, MAX_CREDENTIAL_FAILURES),
            FIRST_DELAY, MAX_DELAY, FORGET_AFTER, known);
    private final GuessThrottle codes = new GuessThrottle(
            new GuessThrottle.Allowances(MAX_CODE_FAILURES, MAX_ADDRESS_FAILURES, MAX_CREDENTIAL_FAILURES),
            FIRST_DELAY, MAX_DELAY, FORGET_AFTER, known);
    private final CodeRequestLimits codeRequests;

    public LoginThrottle(@SandboxTime Clock clock) {
        this.clock = clock;
        this.codeRequests = new CodeRequestLimits(CODE_REQUESTS_PER_CREDENTIAL, CODE_REQUESTS_PER_ADDRESS,
                CODE_REQUESTS_PER_CREDENTIAL_ALL_ADDRESSES, clock);
    }

    /** Seconds until a password may be tried for this credential from this address; 0: now. */
    public long passwordWait(String credential, String address) {
        return passwords.waitSeconds(key(credential), address(address), clock.millis());
    }

    public void passwordFailed(String credential, String address) {
        passwords.failed(key(credential), address(address), clock.millis());
    }

    public void passwordSucceeded(String credential, String address) {
        passwords.succeeded(key(credential), address(address), clock.millis());
    }

    /**
     * Takes one code request for this credential and address: 0 when a code may be sent, else the
     * seconds until the next one may. A refused request takes nothing.
     */
    public long takeCodeRequest(String credential, String address) {
        String key = key(credential);
        String from = address(address);
        return codeRequests.take(key, from, known.contains(key, from, clock.millis()));
    }

    /** Seconds until a code may be tried for this credential from this address; 0: now. */
    public long codeWait(String credential, String address) {
        return codes.waitSeconds(key(credential), address(address), clock.millis());
    }

    public void codeFailed(String credential, String address) {
        codes.failed(key(credential), address(address), clock.millis());
    }

    public void codeSucceeded(String credential, String address) {
        codes.succeeded(key(credential), address(address), clock.millis());
    }

    @Scheduled(every = "10m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetIdle() {
        long now = clock.millis();
        passwords.forgetIdle(now);
        codes.forgetIdle(now);
        known.forgetIdle(now);
        codeRequests.forgetIdle();
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
