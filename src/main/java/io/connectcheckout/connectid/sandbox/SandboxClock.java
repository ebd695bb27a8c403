package io.connectcheckout.connectid.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The sandbox reads time only through an injected {@link Clock}, so expiry (tokens, codes, links)
 * and rate-limit windows can be tested by moving a clock instead of sleeping.
 */
@ApplicationScoped
public class SandboxClock {

    @Produces
    @SandboxTime
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
