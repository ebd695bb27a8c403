package io.connectcheckout.web;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The product's time: every "now" of the checkout (leases, timeouts, timelines, reconciliation)
 * comes from the injected {@link Clock}, so tests move time instead of sleeping. UTC.
 */
@Singleton
public class SystemClock {

    /** The system clock in UTC; tests replace it with a movable one (an alternative bean). */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
