package io.connectcheckout.connectid.sandbox.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    /** Bounded (least recently used first) and forgotten a period after last use: keys clients make up cannot grow the heap. */
    private final Cache<String, Limited> buckets;

    CodeRequestLimits(int perPair, int perAddress, int perCredential, Clock clock) {
        this.perPair = perPair;
        this.perAddress = perAddress;
        this.perCredential = perCredential;
        this.buckets = Caffeine.newBuilder().maximumSize(GrowingDelay.MAX_KEYS).expireAfterAccess(PERIOD)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
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

    /**
     * Takes one request: 0 when a code may be sent, else the whole seconds until one may. The
     * address's bucket is asked first, so an address that must wait adds no other keys; each bucket
     * is taken from atomically, and given back when a later one refuses.
     */
    long take(String credential, String address, boolean knownAddress) {
        List<Bucket> limits = new ArrayList<>(3);
        limits.add(bucket("a:" + address, perAddress));
        limits.add(bucket("p:" + KnownAddresses.pair(credential, address), perPair));
        if (!knownAddress) {
            limits.add(bucket("c:" + credential, perCredential));
        }
        List<Bucket> taken = new ArrayList<>(3);
        for (Bucket limit : limits) {
            ConsumptionProbe probe = limit.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                taken.forEach(b -> b.addTokens(1));
                long waitNanos = Math.max(1, probe.getNanosToWaitForRefill());
                return (waitNanos + 999_999_999L) / 1_000_000_000L;
            }
            taken.add(limit);
        }
        return 0;
    }

    /** Drops the full buckets: they hold nothing worth keeping. */
    void forgetIdle() {
        buckets.asMap().values().removeIf(l -> l.bucket().getAvailableTokens() >= l.capacity());
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(key, k -> new Limited(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, PERIOD).build())
                .withCustomTimePrecision(meter)
                .build(), capacity)).bucket();
    }
}
