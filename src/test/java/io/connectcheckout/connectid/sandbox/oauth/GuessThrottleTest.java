package io.connectcheckout.connectid.sandbox.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The three ways {@link GuessThrottle} counts, on its own (the HTTP tests reach two client
 * addresses; a guessing campaign spread over many is shown here): a campaign over many addresses
 * slows every address the owner never used, never the one the owner logs in from.
 */
class GuessThrottleTest {

    private static final Duration FIRST = Duration.ofSeconds(30);
    private long now = 1_800_000_000_000L;
    private final GuessThrottle throttle = new GuessThrottle(new GuessThrottle.Allowances(10, 50, 100),
            FIRST, Duration.ofMinutes(15), Duration.ofHours(1), new KnownAddresses(Duration.ofDays(30)),
            () -> now * 1_000_000L);

    /** A wrong guess: counted before its check, then settled as a failure; answers the wait as tryAttempt does. */
    private long wrong(String identifier, String address) {
        long wait = throttle.tryAttempt(identifier, address, now);
        if (wait == 0) {
            throttle.failed(identifier, address, now);
        }
        return wait;
    }

    @Test
    void guessesSpreadOverManyAddressesSlowUnknownAddressesButNeverTheOwnersOwn() {
        throttle.tryAttempt("owner", "10.0.0.1", now);
        throttle.succeeded("owner", "10.0.0.1", now);
        for (int address = 0; address < 20; address++) {
            for (int guess = 0; guess < 6; guess++) {
                wrong("owner", "192.0.2." + address);
                now += 1000;
            }
        }
        assertEquals(0, throttle.waitSeconds("owner", "10.0.0.1", now), "the owner's own address");
        assertTrue(throttle.waitSeconds("owner", "198.51.100.7", now) > 0, "an address never used: 120 > 100 guesses");
        assertEquals(0, throttle.waitSeconds("someone-else", "198.51.100.7", now), "other identifiers are untouched");
        now += Duration.ofDays(31).toMillis();
        assertEquals(0, throttle.waitSeconds("owner", "198.51.100.7", now), "failures are forgotten");
    }

    @Test
    void theOwnersOwnWrongGuessesSlowTheOwnerAndTheRightSecretClearsThem() {
        for (int guess = 0; guess < 10; guess++) {
            wrong("owner", "10.0.0.1");
        }
        assertEquals(FIRST.toSeconds(), throttle.waitSeconds("owner", "10.0.0.1", now));
        assertEquals(0, throttle.waitSeconds("owner", "10.0.0.2", now), "another address of the same owner");
        assertEquals(FIRST.toSeconds(), throttle.tryAttempt("owner", "10.0.0.1", now), "refused, and not counted");
        now += FIRST.toMillis();
        assertEquals(0, throttle.tryAttempt("owner", "10.0.0.1", now));
        throttle.succeeded("owner", "10.0.0.1", now);
        wrong("owner", "10.0.0.1");
        assertEquals(0, throttle.waitSeconds("owner", "10.0.0.1", now));
    }

    /** The owner's own right tries still being checked hold the allowance: a further try waits for them, then passes. */
    @Test
    void aTryThatFindsTheAllowanceHeldByTriesBeingCheckedWaitsForThem() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(0, throttle.tryAttempt("owner", "10.0.0.1", now));
        }
        var eleventh = CompletableFuture.supplyAsync(() -> throttle.tryAttempt("owner", "10.0.0.1", now));
        for (int i = 0; i < 10; i++) {
            throttle.succeeded("owner", "10.0.0.1", now);
        }
        assertEquals(0, eleventh.get(5, TimeUnit.SECONDS), "the right tries gave their places back");
    }

    /** Wrong guesses still being checked: a further try waits for them, and then it is their failures that make it wait. */
    @Test
    void aTryThatFindsTheAllowanceHeldByWrongGuessesBeingCheckedIsRefusedOnceTheyFail() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(0, throttle.tryAttempt("owner", "10.0.0.1", now));
        }
        var eleventh = CompletableFuture.supplyAsync(() -> throttle.tryAttempt("owner", "10.0.0.1", now));
        for (int i = 0; i < 10; i++) {
            throttle.failed("owner", "10.0.0.1", now);
        }
        assertEquals(FIRST.toSeconds(), eleventh.get(5, TimeUnit.SECONDS), "ten wrong guesses, no eleventh check");
    }

    @Test
    void oneAddressSprayingManyIdentifiersIsSlowedDown() {
        for (int i = 0; i < 50; i++) {
            wrong("user-" + i, "192.0.2.1");
        }
        assertEquals(FIRST.toSeconds(), throttle.waitSeconds("owner", "192.0.2.1", now));
        assertEquals(0, throttle.waitSeconds("owner", "192.0.2.2", now));
    }

    @Test
    void anAddressThatMustWaitAddsNoKeysAndGetsNothingCounted() {
        for (int i = 0; i < 50; i++) {
            wrong("made-up-" + i, "192.0.2.9");
        }
        for (int i = 0; i < 1000; i++) {
            assertTrue(wrong("made-up-more-" + i, "192.0.2.9") > 0);
        }
        assertEquals(0, throttle.waitSeconds("made-up-more-1", "192.0.2.10", now), "nothing was counted for them");
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64AndIpv4AsItIs() {
        assertEquals("2001:db8:1:2::/64", ClientAddresses.key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:1:2::/64", ClientAddresses.key("[2001:db8:1:2::1]"));
        assertEquals("192.0.2.1", ClientAddresses.key("::ffff:192.0.2.1"));
        assertEquals("127.0.0.2", ClientAddresses.key("127.0.0.2"));
        assertEquals("unknown", ClientAddresses.key(null));
    }
}
