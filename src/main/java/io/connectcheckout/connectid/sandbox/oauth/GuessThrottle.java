package io.connectcheckout.connectid.sandbox.oauth;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Wrong guesses of one kind of secret (a credential's password, its one-time codes, a client's
 * secret), slowed down with {@link GrowingDelay}s counted three ways (OWASP Authentication Cheat
 * Sheet, "Login Throttling"; issue 13 item 13 and its kind, "nobody can make the owner wait"):
 * <ul>
 * <li>per identifier <em>and</em> address: one guesser at one identifier, the tight allowance;</li>
 * <li>per address, any identifiers: one address spraying a common password over many;</li>
 * <li>per identifier, any addresses: guessers spread over many addresses, a much larger allowance,
 * and never applied at an address where the identifier has proven its secret recently
 * ({@link KnownAddresses}).</li>
 * </ul>
 * So a stranger's guesses delay the stranger; the owner waits only for the owner's own wrong
 * guesses, or, at an address never used before, for a guessing campaign spread over many
 * addresses. Every try is counted before it is checked ({@link #tryAttempt}); a right one clears
 * its pair's count, gives its one try back to the address and the identifier (one good login must
 * not reset an attacker's count) and marks the address known. Waits are whole seconds, for
 * {@code Retry-After}; times are epoch milliseconds of the caller's clock.
 */
final class GuessThrottle {

    /** Failures allowed before the first delay, for each way of counting. */
    record Allowances(int perPair, int perAddress, int perIdentifier) {
    }

    private final GrowingDelay perPair;
    private final GrowingDelay perAddress;
    private final GrowingDelay perIdentifier;
    private final KnownAddresses known;

    GuessThrottle(Allowances allowances, Duration firstDelay, Duration maxDelay, Duration forgetAfter,
            KnownAddresses known, Ticker ticker) {
        this.perPair = new GrowingDelay(allowances.perPair(), firstDelay, maxDelay, forgetAfter, ticker);
        this.perAddress = new GrowingDelay(allowances.perAddress(), firstDelay, maxDelay, forgetAfter, ticker);
        this.perIdentifier = new GrowingDelay(allowances.perIdentifier(), firstDelay, maxDelay, forgetAfter, ticker);
        this.known = known;
    }

    /** Whole seconds until {@code identifier} may be tried from {@code address}; 0: now. Counts nothing. */
    long waitSeconds(String identifier, String address, long nowMillis) {
        long wait = Math.max(perPair.waitSeconds(KnownAddresses.pair(identifier, address), nowMillis),
                perAddress.waitSeconds(address, nowMillis));
        return known.contains(identifier, address, nowMillis) ? wait
                : Math.max(wait, perIdentifier.waitSeconds(identifier, nowMillis));
    }

    /**
     * Counts a try of {@code identifier} from {@code address} before its secret is checked: 0 when
     * it may be checked now, else the whole seconds to wait, and then nothing is counted. The
     * address is asked first, so an address that is waiting adds no keys at all. A try that
     * turns out right is given back by {@link #succeeded}.
     */
    long tryAttempt(String identifier, String address, long nowMillis) {
        String pair = KnownAddresses.pair(identifier, address);
        long wait = perAddress.tryCharge(address, nowMillis);
        if (wait > 0) {
            return wait;
        }
        wait = perPair.tryCharge(pair, nowMillis);
        if (wait == 0 && !known.contains(identifier, address, nowMillis)) {
            wait = perIdentifier.tryCharge(identifier, nowMillis);
            if (wait > 0) {
                perPair.refund(pair);
            }
        }
        if (wait > 0) {
            perAddress.refund(address);
        }
        return wait;
    }

    /** The try was right: its pair's count is forgotten, the others get their try back, the address becomes known. */
    void succeeded(String identifier, String address, long nowMillis) {
        boolean charged = !known.contains(identifier, address, nowMillis);
        perPair.succeeded(KnownAddresses.pair(identifier, address));
        perAddress.refund(address);
        if (charged) {
            perIdentifier.refund(identifier);
        }
        known.remember(identifier, address, nowMillis);
    }

    void forgetIdle() {
        perPair.forgetIdle();
        perAddress.forgetIdle();
        perIdentifier.forgetIdle();
    }
}
