package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.session;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.connectid.sandbox.orders.SandboxOrder;
import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.ConnectIdProbe;
import io.connectcheckout.testing.ConnectIdSwitch;
import io.connectcheckout.testing.FaultIsolation;
import io.connectcheckout.testing.FaultProfile;
import io.connectcheckout.testing.MutableClock;
import io.connectcheckout.testing.Shopper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ConnectID slow (every API call answered after 2 s), failing (503) and cut off: the shopper gets
 * the translated "try again" page within the configured timeout, the front page stays fast, the
 * circuit breaker opens (calls stop reaching ConnectID) and closes again once ConnectID is back,
 * and a confirm that timed out is finished by reconciliation with exactly one order.
 *
 * <p>Timing bound: {@code ConnectIdCalls} times out each attempt after {@link #TIMEOUT} (1 s in
 * this profile, 8 s in production) and retries reads and Register order twice, but only on
 * {@code ConnectIdUnavailableException} (5xx, 429, no connection) — not on a timeout. So the worst
 * wait a shopper can see is {@code TIMEOUT × (retries + 1)} plus the retry delays; the tests
 * assert that bound plus a 2 s margin for a loaded machine ({@link #BOUND}), which still catches
 * a hang on the 2 s delay (or the 5 s read timeout) behind every one of the three attempts.
 */
@QuarkusTest
@TestProfile(FaultProfile.class)
@ExtendWith(FaultIsolation.class)
class SlowDependenciesFaultTest {

    static final Duration TIMEOUT = FaultProfile.CONNECTID_TIMEOUT;
    static final Duration BREAKER_DELAY = FaultProfile.CONNECTID_BREAKER_DELAY;
    static final Duration SLOW = Duration.ofSeconds(2);
    /** How long an unanswered Register order keeps its claim (production: 60 s). */
    static final Duration LEASE = FaultProfile.STEP_LEASE;
    static final int ATTEMPTS = 3;
    static final long RETRY_DELAYS_MS = 2 * 200;
    static final long BOUND_MS = TIMEOUT.toMillis() * ATTEMPTS + RETRY_DELAYS_MS + 2000;
    /** An answer from an open circuit: no call, no retry, no wait. */
    static final long FAST_MS = 1000;
    static final String OFFER = Checkouts.OFFER;

    @Inject
    Reconciliation reconciliation;

    /** Each test starts with ConnectID up and the offer page's circuit closed. */
    @BeforeEach
    void connectIdHealthy() throws InterruptedException {
        ConnectIdSwitch.WIRE.up();
        long until = System.nanoTime() + BREAKER_DELAY.toNanos() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            if (offer("en").statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the offer page did not recover");
    }

    @AfterEach
    void restore() {
        ConnectIdSwitch.WIRE.up();
    }

    @Test
    void aSlowConnectIdGivesTheTranslatedPageWithinTheTimeoutAndTheFrontPageStaysFast() {
        ConnectIdSwitch.WIRE.slow(SLOW);
        assertUnavailablePage("en", "The service is temporarily unavailable", "slow");
        assertUnavailablePage("nb", "Tjenesten er midlertidig utilgjengelig", "slow");

        long start = System.nanoTime();
        given().when().get("/").then().statusCode(200).body(containsString("Digital – monthly"));
        long frontPage = millisSince(start);
        log("front page while ConnectID is slow", frontPage);
        assertTrue(frontPage < FAST_MS, "the front page does not wait for ConnectID: " + frontPage + " ms");

        // Cut off (connections dropped without an answer): the same page, as fast.
        ConnectIdSwitch.WIRE.cut();
        assertUnavailablePage("en", "Nothing is lost", "cut off");
    }

    @Test
    void aConfirmThatTimedOutIsFinishedOnceByReconciliation() throws InterruptedException {
        Shopper shopper = atReview("invoice", "slow.connectid@example.no");
        ConnectIdSwitch.WIRE.slow(SLOW);
        int registerCalls = ConnectIdSwitch.registerCalls();
        long start = System.nanoTime();
        Shopper.Page confirm = shopper.submit("form[action='/checkout/confirm']", Map.of(), null);
        long took = millisSince(start);
        log("confirm while ConnectID is slow", took);
        assertEquals(503, confirm.status(), confirm.body());
        assertThat(confirm.text(), containsString("Nothing is lost"));
        assertTrue(took < BOUND_MS, "confirm answered after " + took + " ms");
        CheckoutSession pending = session(shopper);
        assertEquals(Step.PROCESSING, pending.step());
        assertNull(pending.attempt().connectIdOrderId());
        assertEquals(1, ConnectIdSwitch.registerCalls() - registerCalls, "an unanswered Register order is not repeated");
        assertNotNull(pending.leases().registeringUntil(), "ConnectID may have taken it: the claim is kept until it runs out");

        // Within the lease nothing registers again, however often the checkout is looked at.
        start = System.nanoTime();
        assertTrue(reconciliation.run() >= 1);
        assertThat(shopper.open("/checkout/status").text(), containsString("Finishing your order"));
        log("reconciliation and status page while the registration is claimed", millisSince(start));
        assertEquals(1, ConnectIdSwitch.registerCalls() - registerCalls);
        assertEquals(1, events(session(shopper), "order_registration_unanswered"));

        // The late Register order still reaches ConnectID after the checkout gave up on it.
        Thread.sleep(SLOW.toMillis() + 500);
        assertEquals(1, ordersAtConnectId(pending.attempt().externalOrderId()));

        ConnectIdSwitch.WIRE.up();
        Thread.sleep(BREAKER_DELAY.toMillis() + 200);
        // The claim runs out by the application's clock, not by how long this test happened to sleep.
        MutableClock.advance(LEASE.plusSeconds(1));
        assertTrue(reconciliation.run() >= 1);
        CheckoutSession done = session(shopper);
        assertEquals(Step.COMPLETED, done.step());
        assertEquals(1, events(done, "order_registered"));
        assertEquals(1, events(done, "order_completed"));
        // After the lease the checkout had to register again, not knowing of the late order: the
        // sandbox answers a repeated externalOrderId with its first order; the real ConnectID, which
        // has no duplicate check, would now hold two (docs/reliability.md, "What is left").
        assertEquals(2, ConnectIdSwitch.registerCalls() - registerCalls);
        assertEquals(1, ordersAtConnectId(done.attempt().externalOrderId()));
        assertEquals("completed", ConnectIdProbe.order(done.attempt().connectIdOrderId()).getString("orderStatus"));

        reconciliation.run();
        assertEquals(1, events(session(shopper), "order_registered"));
        assertThat(shopper.open("/checkout/status").text(), containsString("Thank you for your order"));
    }

    @Test
    void aFailingConnectIdOpensTheCircuitAndItClosesAgain() throws InterruptedException {
        ConnectIdSwitch.WIRE.down();
        int pages = openTheCircuit(4);
        log("offer pages until the circuit opened (ConnectID 503)", pages);
        assertOpen();

        ConnectIdSwitch.WIRE.up();
        assertCloses();
    }

    @Test
    void aSlowConnectIdOpensTheCircuitToo() throws InterruptedException {
        ConnectIdSwitch.WIRE.slow(SLOW);
        // Timeouts are failures: with 10 calls in the breaker's window and a ratio of 0.5, at most
        // 10 slow pages open it.
        int pages = openTheCircuit(10);
        log("offer pages until the circuit opened (ConnectID slow)", pages);
        assertOpen();

        ConnectIdSwitch.WIRE.up();
        assertCloses();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Loads the offer page until a load sends nothing to ConnectID; returns how many loads that took. */
    private static int openTheCircuit(int maxPages) {
        for (int page = 1; page <= maxPages + 1; page++) {
            int before = ConnectIdSwitch.WIRE.received();
            long start = System.nanoTime();
            Response answer = offer("en");
            long took = millisSince(start);
            assertEquals(503, answer.statusCode());
            assertTrue(took < BOUND_MS, "offer page " + page + " answered after " + took + " ms");
            if (ConnectIdSwitch.WIRE.received() == before) {
                return page - 1;
            }
        }
        throw new AssertionError("the circuit did not open after " + maxPages + " failing offer pages");
    }

    /** While open: the translated page at once, and not one call reaches ConnectID. */
    private static void assertOpen() {
        int before = ConnectIdSwitch.WIRE.received();
        long slowest = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            Response answer = offer(i % 2 == 0 ? "en" : "nb");
            slowest = Math.max(slowest, millisSince(start));
            assertEquals(503, answer.statusCode());
            assertNotNull(answer.header("Retry-After"));
            assertThat(answer.asString(), containsString(i % 2 == 0 ? "Nothing is lost" : "Ingenting er tapt"));
        }
        log("slowest of 5 offer pages with the circuit open", slowest);
        assertTrue(slowest < FAST_MS, "an open circuit answers at once, not after " + slowest + " ms");
        assertEquals(before, ConnectIdSwitch.WIRE.received(), "an open circuit sends nothing to ConnectID");
    }

    /** After the breaker's delay, with ConnectID back: one call goes through and the price is shown again. */
    private static void assertCloses() throws InterruptedException {
        Thread.sleep(BREAKER_DELAY.toMillis() + 200);
        int before = ConnectIdSwitch.WIRE.received();
        Response trial = offer("en");
        assertEquals(200, trial.statusCode());
        assertThat(Jsoup.parse(trial.asString()).select(".price-box__price").text(), containsString("299"));
        assertTrue(ConnectIdSwitch.WIRE.received() > before, "the trial call reached ConnectID");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, offer("nb").statusCode(), "closed again");
        }
    }

    private static void assertUnavailablePage(String language, String text, String situation) {
        long boundMs = BOUND_MS;
        long start = System.nanoTime();
        Response answer = offer(language);
        long took = millisSince(start);
        log("offer page (" + language + ") while ConnectID is " + situation, took);
        assertEquals(503, answer.statusCode());
        assertNotNull(answer.header("Retry-After"));
        assertThat(answer.asString(), containsString(text));
        assertTrue(took < boundMs, "answered after " + took + " ms, bound " + boundMs + " ms");
    }

    private static Response offer(String language) {
        return given().redirects().follow(false).header("Accept-Language", language).when().get(OFFER);
    }

    private static long ordersAtConnectId(String externalOrderId) {
        return QuarkusTransaction.requiringNew().call(() -> SandboxOrder.count("externalOrderId", externalOrderId));
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static void log(String what, long value) {
        System.out.println("[timing] " + what + ": " + value);
    }
}
