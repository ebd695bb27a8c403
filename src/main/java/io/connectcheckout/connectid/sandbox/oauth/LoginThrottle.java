package io.connectcheckout.connectid.sandbox.oauth;

import com.github.benmanes.caffeine.cache.Ticker;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import io.connectcheckout.connectid.sandbox.users.CidUser;
import io.connectcheckout.connectid.sandbox.users.Credential;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The login server's limits against guessing (issue 13 items 12 and 13), per account and per
 * client address, so that nobody can make the owner wait ({@link GuessThrottle}). An account is
 * counted as one whichever of its credentials is typed and however it is written (its e-mail
 * address and its mobile number, {@code +47…}, {@code 0047…} and the bare number: outside attack
 * of stop 22, finding 1); a credential that belongs to no account is counted by its canonical form
 * ({@link Credential}), so the answers do not tell the two apart. Addresses are counted by
 * {@link ClientAddresses} (an IPv6 client by its /64).
 * <ul>
 * <li>wrong passwords: growing delays after {@value #MAX_FAILURES} for one account from one
 * address, {@value #MAX_ADDRESS_FAILURES} from one address for any accounts, and
 * {@value #MAX_CREDENTIAL_FAILURES} for one account from all addresses (not counted against an
 * address where it has logged in within {@link #KNOWN_ADDRESS_FOR}); every try is counted before
 * the password is checked, so simultaneous tries cannot pass the limit; the right password passes
 * once a delay is over;</li>
 * <li>one-time codes: at most {@value #CODE_REQUESTS_PER_CREDENTIAL} requests an hour for one
 * account from one address, {@value #CODE_REQUESTS_PER_ADDRESS} from one address and
 * {@value #CODE_REQUESTS_PER_CREDENTIAL_ALL_ADDRESSES} for one account from all addresses
 * ({@link CodeRequestLimits}); wrong codes are counted like wrong passwords, across codes, so a new
 * code does not renew the budget.</li>
 * </ul>
 * A password or a code proves the account at that address for both. In memory per instance,
 * like the API rate limits; time from the injected sandbox clock. Waits are whole seconds, for
 * {@code Retry-After} (RFC 9110 §10.2.3).
 */
@ApplicationScoped
public class LoginThrottle {

    /** Wrong passwords for one account from one address before the first delay. */
    public static final int MAX_FAILURES = 10;
    /** Wrong passwords from one address (any accounts) before the first delay. */
    public static final int MAX_ADDRESS_FAILURES = 50;
    /** Wrong passwords for one account from all addresses before the first delay at unknown addresses. */
    public static final int MAX_CREDENTIAL_FAILURES = 100;
    /** Wrong one-time codes for one account from one address, across its codes, before the first delay. */
    public static final int MAX_CODE_FAILURES = 2 * LoginCode.MAX_ATTEMPTS;
    /** The first delay; each further failure doubles it. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Failures are forgotten after this long without one. */
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** How long an address where an account logged in stays exempt from its all-addresses limits. */
    public static final Duration KNOWN_ADDRESS_FOR = Duration.ofDays(30);
    public static final int CODE_REQUESTS_PER_CREDENTIAL = 5;
    public static final int CODE_REQUESTS_PER_ADDRESS = 30;
    public static final int CODE_REQUESTS_PER_CREDENTIAL_ALL_ADDRESSES = 20;

    private final Clock clock;
    private final KnownAddresses known = new KnownAddresses(KNOWN_ADDRESS_FOR);
    private final GuessThrottle passwords;
    private final GuessThrottle codes;
    private final CodeRequestLimits codeRequests;

    public LoginThrottle(@SandboxTime Clock clock) {
        this.clock = clock;
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.passwords = new GuessThrottle(
                new GuessThrottle.Allowances(MAX_FAILURES, MAX_ADDRESS_FAILURES, MAX_CREDENTIAL_FAILURES),
                FIRST_DELAY, MAX_DELAY, FORGET_AFTER, known, ticker);
        this.codes = new GuessThrottle(
                new GuessThrottle.Allowances(MAX_CODE_FAILURES, MAX_ADDRESS_FAILURES, MAX_CREDENTIAL_FAILURES),
                FIRST_DELAY, MAX_DELAY, FORGET_AFTER, known, ticker);
        this.codeRequests = new CodeRequestLimits(CODE_REQUESTS_PER_CREDENTIAL, CODE_REQUESTS_PER_ADDRESS,
                CODE_REQUESTS_PER_CREDENTIAL_ALL_ADDRESSES, clock);
    }

    /**
     * Counts a password try for this credential from this address before it is checked: 0 when it
     * may be checked now, else the seconds to wait (and nothing counted).
     */
    public long passwordAttempt(String credential, String address) {
        return passwords.tryAttempt(identifier(credential), ClientAddresses.key(address), clock.millis());
    }

    public void passwordSucceeded(String credential, String address) {
        passwords.succeeded(identifier(credential), ClientAddresses.key(address), clock.millis());
    }

    /** The password counted by {@link #passwordAttempt} was wrong: it stays counted. */
    public void passwordFailed(String credential, String address) {
        passwords.failed(identifier(credential), ClientAddresses.key(address), clock.millis());
    }

    /**
     * Takes one code request for this credential and address: 0 when a code may be sent, else the
     * seconds until the next one may. A refused request takes nothing.
     */
    public long takeCodeRequest(String credential, String address) {
        String id = identifier(credential);
        String from = ClientAddresses.key(address);
        return codeRequests.take(id, from, known.contains(id, from, clock.millis()));
    }

    /** Counts a code try like {@link #passwordAttempt}: 0 when it may be checked now, else the seconds to wait. */
    public long codeAttempt(String credential, String address) {
        return codes.tryAttempt(identifier(credential), ClientAddresses.key(address), clock.millis());
    }

    public void codeSucceeded(String credential, String address) {
        codes.succeeded(identifier(credential), ClientAddresses.key(address), clock.millis());
    }

    /** The code counted by {@link #codeAttempt} was wrong: it stays counted. */
    public void codeFailed(String credential, String address) {
        codes.failed(identifier(credential), ClientAddresses.key(address), clock.millis());
    }

    @Scheduled(every = "10m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetIdle() {
        passwords.forgetIdle();
        codes.forgetIdle();
        known.forgetIdle(clock.millis());
        codeRequests.forgetIdle();
    }

    /**
     * The account a credential belongs to ({@code user:<id>}); else its canonical form; what is no
     * credential at all is still counted, by its trimmed lower-case text.
     */
    private static String identifier(String credential) {
        if (credential == null) {
            return "";
        }
        Optional<Credential> parsed = Credential.parse(credential);
        Optional<String> account = parsed.flatMap(CidUser::byCredential).map(u -> "user:" + u.id);
        return account.orElseGet(() -> parsed.map(Credential::value).orElseGet(() -> {
            String text = credential.trim().toLowerCase(Locale.ROOT);
            return text.substring(0, Math.min(text.length(), Credential.MAX_LENGTH + 1));
        }));
    }
}
