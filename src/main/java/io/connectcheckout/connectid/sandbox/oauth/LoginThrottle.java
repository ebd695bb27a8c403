package io.connectcheckout.connectid.sandbox.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing on the login page: after {@link #MAX_FAILURES} wrong passwords for
 * one credential within {@link #WINDOW}, further tries for it are refused until the window ends.
 * In memory per instance, like the API rate limits: enough for a sandbox.
 */
@ApplicationScoped
public class LoginThrottle {

    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private record Failures(long windowStart, int count) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(@SandboxTime Clock clock) {
        this.clock = clock;
    }

    /** Seconds until the credential may try again; 0 when it may try now. */
    public long blockedFor(String credential) {
        Failures f = failures.get(key(credential));
        long now = clock.millis();
        if (f == null || now - f.windowStart() >= WINDOW.toMillis() || f.count() < MAX_FAILURES) {
            return 0;
        }
        return Math.max(1, (f.windowStart() + WINDOW.toMillis() - now) / 1000);
    }

    public void failed(String credential) {
        long now = clock.millis();
        failures.compute(key(credential), (k, f) -> f == null || now - f.windowStart() >= WINDOW.toMillis()
                ? new Failures(now, 1) : new Failures(f.windowStart(), f.count() + 1));
    }

    public void succeeded(String credential) {
        failures.remove(key(credential));
    }

    private static String key(String credential) {
        return credential == null ? "" : credential.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-.()]", "");
    }
}
