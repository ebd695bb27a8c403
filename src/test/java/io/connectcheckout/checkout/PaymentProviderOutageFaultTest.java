package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.payer;
import static io.connectcheckout.testing.Checkouts.session;
import static io.connectcheckout.checkout.SlowDependenciesFaultTest.log;
import static io.connectcheckout.checkout.SlowDependenciesFaultTest.millisSince;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.payment.sandbox.payments.PspPayment;
import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.ConnectIdProbe;
import io.connectcheckout.testing.FaultIsolation;
import io.connectcheckout.testing.FaultProfile;
import io.connectcheckout.testing.PaymentSwitch;
import io.connectcheckout.testing.Shopper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payment provider failing (503), slow (2 s) and cut off, as the checkout's prepaid flow sees
 * it (the demo publisher's prepaid option is Vipps, a wallet payment at the provider): the shopper
 * gets the translated "try again" page within the bound, no payment is lost or doubled, the
 * circuit breaker opens and closes again, and after recovery one reconciliation round captures
 * the payment and completes the order — one payment, captured once, one ConnectID order.
 *
 * <p>Timing bound: {@code SandboxPspCalls} times out each attempt after {@link #TIMEOUT} (1 s
 * here, 8 s in production) and retries every call twice, timeouts included (all its calls are
 * reads or carry an Idempotency-Key), 200 ms apart plus up to 100 ms jitter. So a shopper waits
 * at most {@code TIMEOUT × 3 + 2 × 300 ms}; the tests allow 2 s on top for a loaded machine.
 *
 * <p>The in-process ConnectID sandbox's own payment client goes through the same switch (see
 * {@link PaymentSwitch}); nothing here depends on ConnectID while the switch is off.
 */
@QuarkusTest
@TestProfile(FaultProfile.class)
@ExtendWith(FaultIsolation.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentProviderOutageFaultTest {

    static final Duration TIMEOUT = FaultProfile.PSP_TIMEOUT;
    static final Duration BREAKER_DELAY = FaultProfile.PSP_BREAKER_DELAY;
    static final Duration SLOW = Duration.ofSeconds(2);
    static final int ATTEMPTS = 3;
    static final long BOUND_MS = TIMEOUT.toMillis() * ATTEMPTS + 2 * 300 + 2000;
    static final long FAST_MS = 1000;
    static final String DEMO_KEY = "psp_test_demo_key";

    @Inject
    Reconciliation reconciliation;

    @AfterEach
    void restore() {
        PaymentSwitch.WIRE.up();
    }

    @Test
    @Order(1)
    void theProviderDownAtConfirmStartsNoPaymentAndTheShopperConfirmsAgain() {
        Shopper shopper = atReview("nb", "psp.down.confirm@example.no");
        Shopper.Page review = shopper.page();
        PaymentSwitch.WIRE.down();
        int before = PaymentSwitch.WIRE.received();
        long start = System.nanoTime();
        Shopper.Page refused = shopper.submit("form[action='/checkout/confirm']", Map.of(), null);
        long took = millisSince(start);
        log("confirm (nb) while the provider answers 503", took);
        assertEquals(503, refused.status());
        assertThat(refused.text(), containsString("Tjenesten er midlertidig utilgjengelig"));
        assertTrue(took < BOUND_MS, "answered after " + took + " ms");
        assertEquals(ATTEMPTS, PaymentSwitch.WIRE.received() - before, "one call and two retries with one Idempotency-Key");
        CheckoutSession pending = session(shopper);
        assertEquals(Step.PROCESSING, pending.step());
        assertNull(pending.attempt().paymentId());
        assertEquals(0, events(pending, "payment_started"));
        assertEquals(0, paymentsAtProvider(pending.attempt().externalOrderId()));

        PaymentSwitch.WIRE.up();
        shopper.back(review);
        Shopper.Page toPayment = shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(toPayment.url(), containsString("/psp/pay/"));
        Shopper.Page receipt = shopper.follow(payInTheApp(shopper));
        assertThat(receipt.text(), containsString("Takk for bestillingen"));
        assertPaidOnce(shopper);
    }

    @Test
    @Order(2)
    void aConfirmThatTimedOutAtTheProviderStillMakesOnePayment() throws InterruptedException {
        Shopper shopper = atReview("en", "psp.slow.confirm@example.no");
        Shopper.Page review = shopper.page();
        PaymentSwitch.WIRE.slow(SLOW);
        long start = System.nanoTime();
        Shopper.Page refused = shopper.submit("form[action='/checkout/confirm']", Map.of(), null);
        long took = millisSince(start);
        log("confirm while the provider is slow", took);
        assertEquals(503, refused.status());
        assertThat(refused.text(), containsString("Nothing is lost"));
        assertTrue(took < BOUND_MS, "answered after " + took + " ms");
        CheckoutSession pending = session(shopper);
        assertEquals(Step.PROCESSING, pending.step());
        assertNull(pending.attempt().paymentId());

        // The three late attempts reach the provider after the checkout gave up: one key, one payment.
        Thread.sleep(SLOW.toMillis() + 1500);
        assertEquals(1, paymentsAtProvider(pending.attempt().externalOrderId()));

        PaymentSwitch.WIRE.up();
        Thread.sleep(BREAKER_DELAY.toMillis() + 200);
        shopper.back(review);
        Shopper.Page toPayment = shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(toPayment.url(), containsString("/psp/pay/"));
        Shopper.Page receipt = shopper.follow(payInTheApp(shopper));
        assertThat(receipt.text(), containsString("Thank you for your order"));
        assertPaidOnce(shopper);
    }

    @Test
    @Order(3)
    void theProviderDownAtTheReturnOpensTheCircuitAndReconciliationFinishesTheCheckout()
            throws InterruptedException {
        Shopper shopper = atReview("en", "psp.down.return@example.no");
        shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        Shopper.Page approved = payInTheApp(shopper);

        PaymentSwitch.WIRE.down();
        long start = System.nanoTime();
        Shopper.Page back = shopper.get(approved.location());
        long took = millisSince(start);
        log("return from the payment page while the provider answers 503", took);
        assertEquals(503, back.status());
        assertThat(back.text(), containsString("Nothing is lost"));
        assertTrue(took < BOUND_MS, "answered after " + took + " ms");
        CheckoutSession waiting = session(shopper);
        assertEquals(Step.AWAITING_PAYMENT, waiting.step());
        assertEquals("AUTHORIZED", payment(waiting.attempt().paymentId()).getString("state"), "the money is held, not lost");

        // The shopper reloads: after a few failures the circuit opens and calls stop.
        int reloads = 0;
        int before;
        do {
            before = PaymentSwitch.WIRE.received();
            assertEquals(503, shopper.get("/checkout/status").status());
            reloads++;
            assertTrue(reloads <= 4, "the circuit did not open after 4 failing reloads");
        } while (PaymentSwitch.WIRE.received() > before);
        log("status reloads until the payment circuit opened", reloads - 1);
        long slowest = 0;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            Shopper.Page reload = shopper.get("/checkout/status");
            slowest = Math.max(slowest, millisSince(t));
            assertEquals(503, reload.status());
            assertThat(reload.text(), containsString("Nothing is lost"));
        }
        log("slowest of 3 reloads with the payment circuit open", slowest);
        assertTrue(slowest < FAST_MS, "an open circuit answers at once, not after " + slowest + " ms");
        assertEquals(before, PaymentSwitch.WIRE.received(), "an open circuit sends nothing to the provider");

        // Still down: a round changes nothing and loses nothing.
        reconciliation.run();
        assertEquals(Step.AWAITING_PAYMENT, session(shopper).step());
        assertEquals("AUTHORIZED", payment(waiting.attempt().paymentId()).getString("state"));

        PaymentSwitch.WIRE.up();
        Thread.sleep(BREAKER_DELAY.toMillis() + 200);
        assertTrue(reconciliation.run() >= 1);
        // The capture makes the provider send a CAPTURED callback, whose step may hold the
        // registration at this moment (reconciliation never waits for another step): let it finish.
        await().atMost(Duration.ofSeconds(10)).until(() -> session(shopper).step() != Step.PAID);
        assertPaidOnce(shopper);

        reconciliation.run();
        assertPaidOnce(shopper);
        assertThat(shopper.open("/checkout/status").text(), containsString("Thank you for your order"));
    }

    @Test
    @Order(4)
    void aSlowOrCutOffProviderAtTheReturnAnswersWithinTheBound() throws InterruptedException {
        Shopper shopper = atReview("en", "psp.slow.return@example.no");
        shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        Shopper.Page approved = payInTheApp(shopper);

        PaymentSwitch.WIRE.slow(SLOW);
        long start = System.nanoTime();
        Shopper.Page slow = shopper.get(approved.location());
        long took = millisSince(start);
        log("return from the payment page while the provider is slow", took);
        assertEquals(503, slow.status());
        assertThat(slow.text(), containsString("Nothing is lost"));
        assertTrue(took < BOUND_MS, "answered after " + took + " ms");

        PaymentSwitch.WIRE.cut();
        start = System.nanoTime();
        Shopper.Page cut = shopper.get("/checkout/status");
        took = millisSince(start);
        log("status page while the provider's connections are cut", took);
        assertEquals(503, cut.status());
        assertTrue(took < BOUND_MS, "answered after " + took + " ms");
        CheckoutSession waiting = session(shopper);
        assertEquals(Step.AWAITING_PAYMENT, waiting.step());

        PaymentSwitch.WIRE.up();
        Thread.sleep(SLOW.toMillis() + BREAKER_DELAY.toMillis() + 200);
        // The breaker counts calls, not time: its window still holds the six failures above, so the
        // first successful calls after recovery fill it and may open it once more. The money is safe
        // meanwhile (captured at most once, never an order without it), and the next round after
        // the breaker's delay finishes the checkout.
        int rounds = 0;
        while (session(shopper).step() != Step.COMPLETED) {
            assertTrue(++rounds <= 3, "not completed after 3 reconciliation rounds: " + session(shopper).step());
            reconciliation.run();
            CheckoutSession now = session(shopper);
            assertTrue(events(now, "payment_captured") + events(now, "payment_verified") <= 1);
            assertTrue(paymentsAtProvider(now.attempt().externalOrderId()) == 1);
            assertTrue(capturedEvents(now.attempt().paymentId()) <= 1, "captured at most once");
            if (now.step() != Step.COMPLETED) {
                Thread.sleep(BREAKER_DELAY.toMillis() + 200);
            }
        }
        log("reconciliation rounds to finish after a slow and cut-off provider", rounds);
        assertPaidOnce(shopper);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** A shopper on the review page of a fresh checkout paid in advance with Vipps. */
    private static Shopper atReview(String language, String email) {
        Shopper shopper = new Shopper(language);
        String offer = Checkouts.OFFER;
        shopper.open(offer);
        shopper.submitAndFollow("form[action='" + offer + "']", Map.of("paymentOption", "vipps"), "mode=guest");
        Shopper.Page review = shopper.submitAndFollow("form[action='/checkout/details']", payer(email), null);
        assertThat(review.url(), containsString("/checkout/review"));
        return shopper;
    }

    /** On the hosted payment page: pay with the wallet and approve in the "app"; returns the redirect back. */
    private static Shopper.Page payInTheApp(Shopper shopper) {
        assertThat(shopper.page().url(), containsString("/psp/pay/"));
        shopper.follow(shopper.submit("form[action$='/wallet']", Map.of("mobile", "912 34 567"), null));
        Shopper.Page approved = shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
        assertThat(approved.location(), containsString("/checkout/paid/"));
        return approved;
    }

    /** Completed, with one payment at the provider captured once and one completed ConnectID order. */
    private static void assertPaidOnce(Shopper shopper) {
        CheckoutSession done = session(shopper);
        assertEquals(Step.COMPLETED, done.step());
        assertNotNull(done.attempt().connectIdOrderId());
        assertEquals(1, events(done, "payment_started"));
        assertEquals(1, events(done, "payment_captured") + events(done, "payment_verified"));
        assertEquals(1, events(done, "order_registered"));
        assertEquals(1, events(done, "order_completed"));
        assertEquals(1, paymentsAtProvider(done.attempt().externalOrderId()));
        JsonPath payment = payment(done.attempt().paymentId());
        assertEquals("CAPTURED", payment.getString("state"));
        assertEquals(29900, payment.getInt("captured.value"));
        assertEquals(1, capturedEvents(done.attempt().paymentId()), "captured once");
        assertEquals("completed", ConnectIdProbe.order(done.attempt().connectIdOrderId()).getString("orderStatus"));
    }

    /** The payment as the provider's API reports it to the demo merchant (directly, not through the switch). */
    private static JsonPath payment(String paymentId) {
        return given().auth().oauth2(DEMO_KEY).when().get("/psp/v1/payments/" + paymentId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static int capturedEvents(String paymentId) {
        return payment(paymentId).getList("events.findAll { it.type == 'captured' }").size();
    }

    /** Payments the provider holds for a merchant reference (the API has no search, so read its table). */
    private static long paymentsAtProvider(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> PspPayment.count("reference", reference));
    }
}
