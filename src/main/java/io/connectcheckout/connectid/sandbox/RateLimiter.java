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

    public RateLimiter(ConnectIdSandboxConfig config, @SandboxTime Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Decision acquire(String clientId) {
        long nowMillis = clock.millis();
        return clients.computeIfAbsent(clientId, id -> new Windows())
                .acquire(nowMillis, config.rateLimit().perSecond(), config.rateLimit().perMinute());
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
