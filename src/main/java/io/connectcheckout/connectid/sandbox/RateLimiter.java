package io.connectcheckout.connectid.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client fixed-window counters (one per second, one per minute). Hand-written and in memory
 * on purpose: it is a sandbox, one small class is easier to reason about than a library, and
 * limits per instance are fine for a stand-in (the real service enforces its own).
 */
@ApplicationScoped
public class RateLimiter {

    /** The outcome of one call: allowed or not, calls left in the tighter window, and when it resets. */
    public record Decision(boolean allowed, long remaining, long resetEpochSeconds) {
    }

    private final ConnectIdSandboxConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Windows> clients = new ConcurrentHashMap<>();
    /** Limits set by a test in place of the configured ones; null: the configuration's. */
    private volatile int[] testLimits;

    public RateLimiter(ConnectIdSandboxConfig config, @SandboxTime Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Decision acquire(String clientId) {
        long nowMillis = clock.millis();
        int[] limits = testLimits;
        int perSecond = limits != null ? limits[0] : config.rateLimit().perSecond();
        int perMinute = limits != null ? limits[1] : config.rateLimit().perMinute();
        return clients.computeIfAbsent(clientId, id -> new Windows()).acquire(nowMillis, perSecond, perMinute);
    }

    /**
     * For tests only: other limits from now on, with every client's counters reset. The whole test
     * suite shares one application and one demo client, so a test that needs a low limit (or a
     * very high one, for thousands of calls) sets it for itself instead of starting an application
     * of its own, and calls {@link #restoreConfiguredLimitsForTests()} afterwards. Nothing outside
     * the JVM can reach this: it is a plain method of this bean, and no resource, route or
     * configuration source calls it.
     */
    public void limitForTests(int perSecond, int perMinute) {
        testLimits = new int[] {perSecond, perMinute};
        clients.clear();
    }

    /** For tests only: back to the configured limits, with every client's counters reset. */
    public void restoreConfiguredLimitsForTests() {
        testLimits = null;
        clients.clear();
    }

    private static final class Windows {
        private long second = -1;
        private long minute = -1;
        private int inSecond;
        private int inMinute;

        synchronized Decision acquire(long nowMillis, int perSecond, int perMinute) {
            long s = nowMillis / 1000;
            long m = nowMillis / 60_000;
            if (s != second) {
                second = s;
                inSecond = 0;
            }
            if (m != minute) {
                minute = m;
                inMinute = 0;
            }
            boolean allowed = inSecond < perSecond && inMinute < perMinute;
            if (allowed) {
                inSecond++;
                inMinute++;
            }
            long leftSecond = perSecond - inSecond;
            long leftMinute = perMinute - inMinute;
            boolean secondTighter = leftSecond < leftMinute;
            long reset = secondTighter ? s + 1 : (m + 1) * 60;
            return new Decision(allowed, Math.max(0, Math.min(leftSecond, leftMinute)), reset);
        }
    }
}
