package io.connectcheckout.testing;

import io.connectcheckout.connectid.sandbox.SandboxTime;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The tests' clock, for the checkout and the ConnectID stand-in alike: the system clock plus an
 * offset that tests move forward to expire tokens, codes, links and leases or to make a checkout
 * "stuck" for reconciliation, without sleeping. It only ever moves forward, so tests cannot
 * disturb each other (everything the application compares is relative to the same clock).
 */
public class MutableClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Replaces the production clocks (the checkout's and the stand-in's) in every @QuarkusTest. */
    @ApplicationScoped
    public static class Producer {
        private final MutableClock clock = new MutableClock();

        @Produces
        @Alternative
        @Priority(1)
        @ApplicationScoped
        Clock checkoutClock() {
            return clock;
        }

        @Produces
        @Alternative
        @Priority(1)
        @ApplicationScoped
        @SandboxTime
        Clock sandboxClock() {
            return clock;
        }
    }
}
