package io.connectcheckout.connectid.sandbox.oauth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How many one-time codes may be sent (issue 13 item 12), as Bucket4j token buckets refilled
 * greedily over {@link #PERIOD}: per credential from one address, per address for any credentials,
 * and per credential from all addresses together, the last never applied at an address where the
 * credential has logged in recently ({@link KnownAddresses}), so a stranger asking for the owner's
 * codes never stops the owner from getting one there. A refused request takes nothing from any
 * bucket. In memory per instance; time from the caller's (injected) clock.
 */
final class CodeRequestLimits {

    static final Duration PERIOD = Duration.ofHours(1);

    private record Limited(Bucket bucket, int capacity) {
    }

    private final int perPair;
    private final int perAddress;
    private final int perCredential;
    private final TimeMeter meter;
    private final ConcurrentHashMap<String, Limited> buckets = new ConcurrentHashMap<>();

    CodeRequestLimits(int perPair, int perAddress, int perCredential, Clock clock) {
        this.perPair = perPair;
        this.perAddress = perAddress;
        this.perCredential = perCredential;
        // Bucket4j reads time through this, so tests move the buckets with the clock instead of sleeping.
        this.meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one request: 0 when a code may be sent, else the whole seconds until one may. */
    long take(String credential, String address, boolean knownAddress) {
        List<Bucket> limits = new ArrayList<>(3);
        limits.add(bucket("p:" + KnownAddresses.pair(credential, address), perPair));
        limits.add(bucket("a:" + address, perAddress));
        if (!knownAddress) {
            limits.add(bucket("c:" + credential, perCredential));
        }
        long waitNanos = 0;
        for (Bucket limit : limits) {
            EstimationProbe probe = limit.estimateAbilityToConsume(1);
            waitNanos = Math.max(waitNanos, probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill()));
        }
        if (waitNanos > 0) {
            return (waitNanos + 999_999_999L) / 1_000_000_000L;
        }
        limits.forEach(limit -> limit.tryConsume(1));
        return 0;
    }

    /** Drops the full buckets: they hold nothing worth keeping. */
    void forgetIdle() {
        buckets.values().removeIf(l -> l.bucket().getAvailableTokens() >= l.capacity());
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(key, k -> new Limited(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, PERIOD).build())
                .withCustomTimePrecision(meter)
                .build(), capacity)).bucket();
    }
}
