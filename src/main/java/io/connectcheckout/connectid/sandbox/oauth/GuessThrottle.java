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
 * not reset an attacker's count) and marks the address known; a wrong one is settled as a failure
 * ({@link #failed}).
 *
 * <p><b>Tries still being checked.</b> Counting before checking means the owner's own right tries
 * in flight fill the allowance, and the owner's further right tries sent at the same instant were
 * refused as guesses (outside attack of 2026-12-08: 2 of 12 simultaneous right client secrets, 4 of
 * 14 right passwords got 429). So a try that finds a limit reached only by unsettled tries (the
 * settled failures alone would let it through) waits for them, at most {@link #SETTLE_WAIT}: each
 * that turns out right gives its place back, each wrong one stays a failure, and the try is asked
 * again. Wrong guesses sent at once are still checked at most up to the allowance (every place is
 * held until its check is over); a right secret is refused only when settled failures, or tries
 * unsettled for longer than the bound, make it wait. The wait is on a monitor woken by every
 * settlement, re-checked every {@link #POLL} so a try whose settlement was missed (a request that
 * ended in an exception) costs at most the bound. The bound uses the machine's clock
 * ({@link System#nanoTime}): it is about requests in flight, not the counted time. Waits are whole
 * seconds, for {@code Retry-After}; times are epoch milliseconds of the caller's clock.
 */
final class GuessThrottle {

    /** Failures allowed before the first delay, for each way of counting. */
    record Allowances(int perPair, int perAddress, int perIdentifier) {
    }

    /** Longest a try waits for tries still being checked before it is answered with the wait they make. */
    static final Duration SETTLE_WAIT = Duration.ofSeconds(2);
    /** How often a waiting try looks again if no settlement woke it. */
    static final Duration POLL = Duration.ofMillis(50);

    private final Object settlements = new Object();
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
     * turns out right is given back by {@link #succeeded}, a wrong one settled by {@link #failed}.
     * A try that finds the limit reached only by tries still being checked waits for them first
     * (see the type's comment).
     */
    long tryAttempt(String identifier, String address, long nowMillis) {
        long deadline = System.nanoTime() + SETTLE_WAIT.toNanos();
        while (true) {
            long wait = charge(identifier, address, nowMillis);
            long left = deadline - System.nanoTime();
            if (wait == 0 || left <= 0 || settledWaitSeconds(identifier, address, nowMillis) > 0) {
                return wait;
            }
            if (!awaitSettlement(Math.min(left, POLL.toNanos()))) {
                return wait;
            }
        }
    }

    /** The wait if every try still being checked turned out right; 0: only those make it wait. */
    private long settledWaitSeconds(String identifier, String address, long nowMillis) {
        long wait = Math.max(perPair.settledWaitSeconds(KnownAddresses.pair(identifier, address), nowMillis),
                perAddress.settledWaitSeconds(address, nowMillis));
        return known.contains(identifier, address, nowMillis) ? wait
                : Math.max(wait, perIdentifier.settledWaitSeconds(identifier, nowMillis));
    }

    /** Waits until a try settles or {@code nanos} pass; false when interrupted. */
    private boolean awaitSettlement(long nanos) {
        synchronized (settlements) {
            try {
                settlements.wait(Math.max(1, nanos / 1_000_000));
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void settled() {
        synchronized (settlements) {
            settlements.notifyAll();
        }
    }

    /** One try at counting, as {@link #tryAttempt} describes, without waiting. */
    private long charge(String identifier, String address, long nowMillis) {
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
        settled();
    }

    /** The try was wrong: it stays counted as a failure everywhere it was counted. */
    void failed(String identifier, String address, long nowMillis) {
        perPair.failed(KnownAddresses.pair(identifier, address));
        perAddress.failed(address);
        if (!known.contains(identifier, address, nowMillis)) {
            perIdentifier.failed(identifier);
        }
        settled();
    }

    void forgetIdle() {
        perPair.forgetIdle();
        perAddress.forgetIdle();
        perIdentifier.forgetIdle();
    }
}
