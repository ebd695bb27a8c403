package io.connectcheckout.connectid.sandbox.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Tries counted per key (a credential, an address) with a delay that grows with each try past a
 * free allowance: after {@code free} tries the key must wait {@code first}, then twice as long
 * after each further try, up to {@code cap}. Once the wait is over the key may try again, and the
 * right password or code passes: a delay, never a lock-out (issue 13 items 12–13, OWASP
 * Authentication Cheat Sheet, "Login Throttling").
 *
 * <p>A try is counted <em>before</em> it is checked ({@link #tryCharge}, one atomic step per key),
 * and given back when it was right ({@link #refund}, {@link #succeeded}): otherwise tries sent at
 * the same instant all pass the check before any is counted (outside attack of stop 22: 60
 * simultaneous wrong passwords were all checked). A counted try is <em>unsettled</em> until its
 * check is over: given back, or kept as a failure ({@link #failed}). A key refused only because of
 * unsettled tries ({@link #settledWaitSeconds} is 0) may be asked again once they settle
 * ({@link GuessThrottle}). The count is forgotten after {@code forgetAfter} without tries.
 *
 * <p>The counts live in a Caffeine cache bounded to {@code maxKeys} entries (least recently used
 * go first) that expires them {@code forgetAfter} after their last write, read through a ticker on
 * the caller's clock: keys made up by a client cannot grow the heap without bound (stop 22: 480k
 * made-up client ids grew the process by 900 MB). The delays themselves are hand-written, not
 * Bucket4j (which the code-request limits use): a token bucket refills at a fixed rate, and a
 * delay that doubles with every failure is not a bucket. In memory per instance. Times are epoch
 * milliseconds of the caller's (injected) clock.
 */
final class GrowingDelay {

    /** Most keys kept per counter; beyond it the least recently used are forgotten first. */
    static final long MAX_KEYS = 100_000;

    /** {@code count} tries not given back, {@code unsettled} of them still being checked. */
    private record Tries(int count, int unsettled, long lastMillis) {

        Tries settledOnly() {
            return new Tries(count - unsettled, 0, lastMillis);
        }
    }

    private final int free;
    private final Duration first;
    private final Duration cap;
    private final Duration forgetAfter;
    private final Cache<String, Tries> tries;

    GrowingDelay(int free, Duration first, Duration cap, Duration forgetAfter, Ticker ticker) {
        this.free = free;
        this.first = first;
        this.cap = cap;
        this.forgetAfter = forgetAfter;
        this.tries = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(forgetAfter).ticker(ticker).build();
    }

    /** Whole seconds (rounded up) the key must still wait; 0 when it may try now. Counts nothing. */
    long waitSeconds(String key, long nowMillis) {
        return secondsLeft(current(tries.getIfPresent(key), nowMillis), nowMillis);
    }

    /**
     * Whole seconds the key would wait if every unsettled try turned out right; 0 when only unsettled
     * tries make it wait (or nothing does). Counts nothing.
     */
    long settledWaitSeconds(String key, long nowMillis) {
        Tries live = current(tries.getIfPresent(key), nowMillis);
        return live == null ? 0 : secondsLeft(live.settledOnly(), nowMillis);
    }

    /**
     * Counts one (unsettled) try if the key may try now and answers 0; else answers the whole seconds it must
     * still wait and counts nothing. One atomic step per key.
     */
    long tryCharge(String key, long nowMillis) {
        long[] wait = {0};
        tries.asMap().compute(key, (k, t) -> {
            Tries live = current(t, nowMillis);
            wait[0] = secondsLeft(live, nowMillis);
            if (wait[0] > 0) {
                return live;
            }
            return live == null ? new Tries(1, 1, nowMillis) : new Tries(live.count() + 1, live.unsettled() + 1, nowMillis);
        });
        return wait[0];
    }

    /** Gives back one counted try (it was right, or another limit refused it before it was checked). */
    void refund(String key) {
        tries.asMap().computeIfPresent(key, (k, t) -> t.count() <= 1 ? null
                : new Tries(t.count() - 1, Math.max(0, t.unsettled() - 1), t.lastMillis()));
    }

    /** A counted try was wrong: it stays counted, and is settled. */
    void failed(String key) {
        tries.asMap().computeIfPresent(key, (k, t) -> new Tries(t.count(), Math.max(0, t.unsettled() - 1), t.lastMillis()));
    }

    /**
     * The key proved its secret: its failures are forgotten and this try given back; other tries
     * still being checked stay counted until they settle.
     */
    void succeeded(String key) {
        tries.asMap().computeIfPresent(key, (k, t) -> {
            int others = Math.max(0, t.unsettled() - 1);
            return others == 0 ? null : new Tries(others, others, t.lastMillis());
        });
    }

    /** Drops what has expired now (Caffeine also does this as it goes). */
    void forgetIdle() {
        tries.cleanUp();
    }

    /** The wait after {@code count} tries: {@code first}, doubled per try past the allowance, at most {@code cap}. */
    long delayMillis(int count) {
        if (count < free) {
            return 0;
        }
        int doublings = Math.min(count - free, 30);
        return Math.min(first.toMillis() << doublings, cap.toMillis());
    }

    private long secondsLeft(Tries t, long nowMillis) {
        if (t == null || t.count() < free) {
            return 0;
        }
        long left = t.lastMillis() + delayMillis(t.count()) - nowMillis;
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    private Tries current(Tries t, long nowMillis) {
        return t == null || nowMillis - t.lastMillis() >= forgetAfter.toMillis() ? null : t;
    }
}
