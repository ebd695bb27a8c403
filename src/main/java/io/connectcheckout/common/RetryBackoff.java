package io.connectcheckout.common;

import java.time.Duration;
import java.time.Instant;

/**
 * When an outbox tries a message again after a failed send (the checkout's and the ConnectID
 * stand-in's outboxes alike): 30 s after the first failure, doubling with each further one
 * (1 min, 2 min, …), at most 2^10 × 30 s (about 8.5 h).
 */
public final class RetryBackoff {

    private RetryBackoff() {
    }

    /** The next attempt after the {@code attempts}-th failed one (1-based) at {@code now}. */
    public static Instant next(Instant now, int attempts) {
        return now.plus(Duration.ofSeconds(30L << Math.min(10, Math.max(0, attempts - 1))));
    }
}
