package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.session;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.payment.api.CallbackSignature;
import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.payment.client.PaymentState;
import io.connectcheckout.testing.ConnectIdProbe;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The checkout as the receiver of the payment provider's callbacks (scenarios 3 and 4 of the
 * reliability issue): the real callbacks of the sandbox finish a checkout whose shopper never came
 * back; forged ones are refused; replayed, out-of-order, lying and unknown ones change nothing or
 * only move the checkout forward to what the provider really says.
 */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class PaymentCallbackFaultTest {

    private static final String SECRET = "whsec_demo";
    private static final String URL = "/callbacks/payment/demo";

    @Inject
    PaymentProvider payments;

    @Inject
    CheckoutStore store;

    @Inject
    CheckoutSessions sessions;

    /** Confirms a prepaid (Vipps) checkout and stops on the provider's page; returns the payment page. */
    private static Shopper.Page atPaymentPage(Shopper shopper) {
        Shopper.Page page = shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(page.url(), containsString("/psp/pay/"));
        return page;
    }

    /** Pays on the provider's page; the browser is then told to go back, which this shopper never does. */
    private static String payAndCloseTheWindow(Shopper shopper) {
        shopper.follow(shopper.submit("form[action$='/wallet']", Map.of("mobile", "912 34 567"), null));
        Shopper.Page approved = shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
        assertThat(approved.location(), containsString("/checkout/paid/"));
        return approved.location();
    }

    private static Response post(String paymentId, String state, String eventId, String secret) {
        byte[] body = ("{\"eventId\":\"" + eventId + "\",\"paymentId\":\"" + paymentId + "\",\"reference\":\"x\","
                + "\"state\":\"" + state + "\",\"amount\":{\"value\":29900,\"currency\":\"NOK\"},"
                + "\"occurredAt\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json")
                .header(CallbackSignature.HEADER, CallbackSignature.header(secret, Instant.now().getEpochSecond(), body))
                .body(body)
                .when().post(URL);
    }

    private static Response post(String paymentId, String state) {
        return post(paymentId, state, "evt_test_" + UUID.randomUUID(), SECRET);
    }

    private static long eventsWithDetail(CheckoutSession s, String type, String detailPart) {
        return QuarkusTransaction.requiringNew().call(() -> CheckoutEvent.count(
                "sessionId = ?1 and type = ?2 and detail like ?3", s.id(),
                CheckoutEventType.valueOf(type.toUpperCase(java.util.Locale.ROOT)), "%" + detailPart + "%"));
    }

    private String timeline(CheckoutSession s) {
        return sessions.timeline(s.id()).stream().map(e -> e.type() + " " + e.detail()).toList().toString();
    }

    private PaymentState paymentState(CheckoutSession s) {
        return payments.get(Accounts.payment(store.load(s.id()).publisher()), s.attempt().paymentId()).state();
    }

    @Test
    void aShopperWhoPaysAndNeverComesBackGetsTheOrderThroughTheCallback() {
        Shopper shopper = atReview("vipps", "callback-only@example.no");
        atPaymentPage(shopper);
        payAndCloseTheWindow(shopper);

        // No browser return, no reconciliation round: only the provider's callbacks.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> session(shopper).step() == Step.COMPLETED && session(shopper).attempt().userAssigned());
        CheckoutSession done = session(shopper);
        assertThat(events(done, "payment_callback"), greaterThanOrEqualTo(1L));
        assertEquals(1, events(done, "payment_captured"));
        assertEquals(1, events(done, "order_registered"));
        assertEquals(1, events(done, "user_assigned"));
        assertEquals(0, events(done, "reconciled"));
        assertEquals(PaymentState.CAPTURED, paymentState(done));
        assertEquals("completed", ConnectIdProbe.order(done.attempt().connectIdOrderId()).getString("orderStatus"));
    }

    @Test
    void forgedCallbacksAreRefusedAndALyingOneMarksNothingPaid() {
        Shopper shopper = atReview("vipps", "forged-callback@example.no");
        atPaymentPage(shopper);
        CheckoutSession waiting = session(shopper);
        assertEquals(Step.AWAITING_PAYMENT, waiting.step());

        // Wrong secret, no signature, a stale timestamp, an unknown publisher.
        post(waiting.attempt().paymentId(), "CAPTURED", "evt_forged_1", "whsec_guess").then().statusCode(401)
                .body("code", org.hamcrest.Matchers.equalTo("invalid_signature"));
        given().contentType("application/json").body("{\"eventId\":\"evt_forged_2\",\"paymentId\":\""
                + waiting.attempt().paymentId() + "\",\"state\":\"CAPTURED\"}").when().post(URL).then().statusCode(401);
        byte[] body = ("{\"eventId\":\"evt_forged_3\",\"paymentId\":\"" + waiting.attempt().paymentId() + "\",\"state\":\"CAPTURED\","
                + "\"amount\":{\"value\":29900,\"currency\":\"NOK\"}}").getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json")
                .header(CallbackSignature.HEADER,
                        CallbackSignature.header(SECRET, Instant.now().minusSeconds(3600).getEpochSecond(), body))
                .body(body).when().post(URL).then().statusCode(401);
        given().contentType("application/json").body(body).when().post("/callbacks/payment/no-such-publisher")
                .then().statusCode(404);

        // Correctly signed but lying (the provider never said CAPTURED): the checkout asks the provider.
        post(waiting.attempt().paymentId(), "CAPTURED").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.equalTo("applied"));
        CheckoutSession after = session(shopper);
        assertEquals(Step.AWAITING_PAYMENT, after.step());
        assertNull(after.attempt().connectIdOrderId());
        assertEquals(0, events(after, "payment_captured") + events(after, "payment_verified"));
        assertEquals(PaymentState.CREATED, paymentState(after));
        assertEquals(1, events(after, "payment_callback"));
    }

    @Test
    void callbacksOutOfOrderAndOfUnknownTypesNeverMoveACheckoutBackwards() {
        Shopper shopper = atReview("vipps", "out-of-order@example.no");
        atPaymentPage(shopper);
        CheckoutSession s = session(shopper);
        int lastStep = s.step().ordinal();

        // Before the shopper paid: "captured" and "authorized" arrive first (out of order), plus a type we do not know.
        for (String state : List.of("CAPTURED", "AUTHORIZED", "DISPUTE_OPENED")) {
            post(s.attempt().paymentId(), state).then().statusCode(200);
            CheckoutSession now = session(shopper);
            assertEquals(Step.AWAITING_PAYMENT, now.step(), "after " + state);
        }
        assertEquals(1, events(session(shopper), "payment_callback_ignored"));

        // The shopper pays and comes back: the checkout completes once.
        String back = payAndCloseTheWindow(shopper);
        assertThat(shopper.follow(shopper.get(back)).text(), containsString("Thank you for your order"));
        CheckoutSession done = session(shopper);
        assertEquals(Step.COMPLETED, done.step());

        // Late, replayed and contradicting callbacks after completion: the step never goes back.
        for (String state : List.of("CREATED", "AUTHORIZED", "ABORTED", "FAILED", "EXPIRED", "CANCELLED", "CAPTURED",
                "REFUND_PENDING")) {
            Response answer = post(done.attempt().paymentId(), state);
            assertEquals(200, answer.statusCode(), "after " + state);
            CheckoutSession now = session(shopper);
            assertTrue(now.step().ordinal() >= lastStep, "went backwards after " + state + ": " + now.step());
            assertEquals(Step.COMPLETED, now.step(), "after " + state);
            lastStep = now.step().ordinal();
        }
        CheckoutSession end = session(shopper);
        assertEquals(1, events(end, "order_registered"));
        assertEquals(1, events(end, "payment_captured") + events(end, "payment_verified"));
        assertEquals(0, events(end, "payment_cancelled") + events(end, "payment_failed"));
        assertEquals(2, events(end, "payment_callback_ignored"));
        assertEquals(PaymentState.CAPTURED, paymentState(end));
        assertEquals("completed", ConnectIdProbe.order(end.attempt().connectIdOrderId()).getString("orderStatus"));
    }

    @Test
    void aCallbackReplayedOneHundredTimesConcurrentlyChangesStateOnce() throws Exception {
        Shopper shopper = atReview("vipps", "replayed-callback@example.no");
        atPaymentPage(shopper);
        payAndCloseTheWindow(shopper);
        CheckoutSession paidFor = session(shopper);
        String eventId = "evt_replay_" + UUID.randomUUID();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Callable<Response> replay = () -> post(paidFor.attempt().paymentId(), "AUTHORIZED", eventId, SECRET);
                answers.add(pool.submit(replay));
            }
            int applied = 0;
            int duplicate = 0;
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                assertEquals(200, r.statusCode(), r.asString());
                String code = r.jsonPath().getString("code");
                applied += "applied".equals(code) ? 1 : 0;
                duplicate += "duplicate".equals(code) ? 1 : 0;
            }
            assertEquals(1, applied);
            assertEquals(99, duplicate);
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> session(shopper).step() == Step.COMPLETED);
        CheckoutSession done = session(shopper);
        assertEquals(1, eventsWithDetail(done, "payment_callback", eventId));
        assertEquals(1, events(done, "payment_captured") + events(done, "payment_verified"), timeline(done));
        assertEquals(1, events(done, "order_registered"));
        assertNotNull(done.attempt().connectIdOrderId());
        assertEquals(PaymentState.CAPTURED, paymentState(done));
    }
}
