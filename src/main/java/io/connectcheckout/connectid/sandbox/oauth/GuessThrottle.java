package io.connectcheckout.connectid.sandbox.oauth;

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
 * addresses. The right secret clears its pair's count and marks the address known; the address's
 * and the identifier's counts stay (one good login must not reset an attacker's count). Waits are
 * whole seconds, for {@code Retry-After}; times are epoch milliseconds of the caller's clock.
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
            KnownAddresses known) {
        this.perPair = new GrowingDelay(allowances.perPair(), firstDelay, maxDelay, forgetAfter);
        this.perAddress = new GrowingDelay(allowances.perAddress(), firstDelay, maxDelay, forgetAfter);
        this.perIdentifier = new GrowingDelay(allowances.perIdentifier(), firstDelay, maxDelay, forgetAfter);
        this.known = known;
    }

    /** Whole seconds until {@code identifier} may be tried from {@code address}; 0: now. */
    long waitSeconds(String identifier, String address, long nowMillis) {
        long wait = Math.max(perPair.waitSeconds(KnownAddresses.pair(identifier, address), nowMillis),
                perAddress.waitSeconds(address, nowMillis));
        return known.contains(identifier, address, nowMillis) ? wait
                : Math.max(wait, perIdentifier.waitSeconds(identifier, nowMillis));
    }

    void failed(String identifier, String address, long nowMillis) {
        perPair.failed(KnownAddresses.pair(identifier, address), nowMillis);
        perAddress.failed(address, nowMillis);
        perIdentifier.failed(identifier, nowMillis);
    }

    void succeeded(String identifier, String address, long nowMillis) {
        perPair.succeeded(KnownAddresses.pair(identifier, address));
        known.remember(identifier, address, nowMillis);
    }

    void forgetIdle(long nowMillis) {
        perPair.forgetIdle(nowMillis);
        perAddress.forgetIdle(nowMillis);
        perIdentifier.forgetIdle(nowMillis);
    }
}
