package io.connectcheckout.connectid.sandbox.oauth;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures counted per key (a credential, an address) with a delay that grows with each failure
 * past a free allowance: after {@code free} failures the key must wait {@code first}, then twice
 * as long after each further failure, up to {@code cap}. Once the wait is over the key may try
 * again, and the right password or code passes: a delay, never a lock-out (issue 13 items 12–13,
 * OWASP Authentication Cheat Sheet, "Login Throttling"). The count is forgotten after
 * {@code forgetAfter} without failures, or on success.
 *
 * <p>Hand-written, not Bucket4j (which the code-request limits use): a token bucket refills at a
 * fixed rate, and a delay that doubles with every failure is not a bucket. In memory per
 * instance, like the API rate limits: enough for a stand-in. Times are epoch milliseconds of the
 * caller's (injected) clock.
 */
final class GrowingDelay {

    private record Failures(int count, long lastMillis) {
    }

    private final int free;
    private final Duration first;
    private final Duration cap;
    private final Duration forgetAfter;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    GrowingDelay(int free, Duration first, Duration cap, Duration forgetAfter) {
        this.free = free;
        this.first = first;
        this.cap = cap;
        this.forgetAfter = forgetAfter;
    }

    /** Whole seconds (rounded up) the key must still wait; 0 when it may try now. */
    long waitSeconds(String key, long nowMillis) {
        Failures f = current(key, nowMillis);
        if (f == null || f.count() < free) {
            return 0;
        }
        long left = f.lastMillis() + delayMillis(f.count()) - nowMillis;
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    void failed(String key, long nowMillis) {
        failures.compute(key, (k, f) -> {
            Failures live = f == null || nowMillis - f.lastMillis() >= forgetAfter.toMillis() ? null : f;
            return new Failures(live == null ? 1 : live.count() + 1, nowMillis);
        });
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    /** Drops the keys whose failures are forgotten anyway, so guessed keys do not pile up. */
    void forgetIdle(long nowMillis) {
        failures.values().removeIf(f -> nowMillis - f.lastMillis() >= forgetAfter.toMillis());
    }

    /** The wait after {@code count} failures: {@code first}, doubled per failure past the allowance, at most {@code cap}. */
    long delayMillis(int count) {
        if (count < free) {
            return 0;
        }
        int doublings = Math.min(count - free, 30);
        return Math.min(first.toMillis() << doublings, cap.toMillis());
    }

    private Failures current(String key, long nowMillis) {
        Failures f = failures.get(key);
        return f == null || nowMillis - f.lastMillis() >= forgetAfter.toMillis() ? null : f;
    }
}
