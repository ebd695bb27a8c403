package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.payer;
import static io.connectcheckout.testing.Checkouts.session;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.payment.sandbox.events.PspCallback;
import io.connectcheckout.payment.sandbox.payments.PspPayment;
import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.ConnectIdProbe;
import io.connectcheckout.testing.ConnectIdSwitch;
import io.connectcheckout.testing.FaultIsolation;
import io.connectcheckout.testing.FaultProfile;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A prepaid checkout whose money was captured while ConnectID was down, so it stays PAID without
 * an order; the shopper never comes back and every callback of its payment has already been
 * delivered (each failed to register the order). Nothing but the reconciliation job can finish it
 * now, and it must: one order registered and completed, the payment captured once.
 */
@QuarkusTest
@TestProfile(FaultProfile.class)
@ExtendWith({FaultIsolation.class, InvariantAudit.class})
class ReconciliationOnlyFaultTest {

    @Inject
    Reconciliation reconciliation;

    @Inject
    CircuitBreakerMaintenance circuits;

    @AfterEach
    void restore() {
        ConnectIdSwitch.WIRE.up();
    }

    @Test
    void aPaidCheckoutNobodyElseWillTouchIsFinishedByReconciliation() {
        Shopper shopper = new Shopper();
        shopper.open(Checkouts.OFFER);
        shopper.submitAndFollow("form[action='" + Checkouts.OFFER + "']", Map.of("paymentOption", "vipps"), "mode=guest");
        shopper.submitAndFollow("form[action='/checkout/details']", payer("reconciliation.only@example.no"), null);
        Shopper.Page payPage = shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(payPage.url(), containsString("/psp/pay/"));
        shopper.follow(shopper.submit("form[action$='/wallet']", Map.of("mobile", "912 34 567"), null));

        ConnectIdSwitch.WIRE.down();
        Shopper.Page approved = shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
        assertThat(approved.location(), containsString("/checkout/paid/"));
        // The shopper's return captures the money; the order cannot be registered.
        Shopper.Page back = shopper.get(approved.location());
        assertEquals(503, back.status());
        CheckoutSession paid = session(shopper);
        assertEquals(Step.PAID, paid.step());
        assertNull(paid.attempt().connectIdOrderId());

        // Every callback of the payment is delivered while ConnectID is still down: none is left to come.
        Long payment = QuarkusTransaction.requiringNew().call(() ->
                PspPayment.<PspPayment>find("paymentId", paid.attempt().paymentId()).firstResult().id);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                PspCallback.count("paymentId = ?1", payment) > 0
                        && PspCallback.count("paymentId = ?1 and status = ?2", payment, PspCallback.PENDING) == 0));
        ConnectIdSwitch.WIRE.up();
        circuits.resetAll();
        assertEquals(Step.PAID, session(shopper).step(), "nothing but reconciliation is left to move it");

        assertTrue(reconciliation.run() >= 1);

        CheckoutSession done = session(shopper);
        assertEquals(Step.COMPLETED, done.step(), "reconciliation finished the paid checkout");
        assertNotNull(done.attempt().connectIdOrderId());
        assertEquals("completed", ConnectIdProbe.order(done.attempt().connectIdOrderId()).getString("orderStatus"));
        assertEquals(1, events(done, "payment_captured") + events(done, "payment_verified"));
        assertEquals(1, events(done, "order_registered"));
        assertEquals(1, events(done, "order_completed"));
        assertEquals(29900L, QuarkusTransaction.requiringNew().call(() ->
                PspPayment.<PspPayment>findById(payment).capturedMinor));
        assertThat(shopper.open("/checkout/status").text(), containsString("Thank you for your order"));
    }
}
