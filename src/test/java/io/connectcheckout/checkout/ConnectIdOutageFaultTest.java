package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.atWalletApproval;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.session;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.payment.client.PaymentState;
import io.connectcheckout.testing.ConnectIdProbe;
import io.connectcheckout.testing.ConnectIdSwitch;
import io.connectcheckout.testing.FaultIsolation;
import io.connectcheckout.testing.FaultProfile;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ConnectID goes down after the shopper paid (prepaid flow, between payment and registration):
 * the shopper gets the translated "try again" page, the money is recorded, and once ConnectID is
 * back the reconciliation job registers and completes the order exactly once.
 */
@QuarkusTest
@TestProfile(FaultProfile.class)
@ExtendWith(FaultIsolation.class)
@ExtendWith(InvariantAudit.class)
class ConnectIdOutageFaultTest {

    @Inject
    Reconciliation reconciliation;

    @Inject
    PaymentProvider payments;

    @Inject
    CheckoutStore store;

    @AfterEach
    void restore() {
        ConnectIdSwitch.WIRE.up();
    }

    @Test
    void aPaidCheckoutIsFinishedByReconciliationAfterTheOutage() {
        Shopper shopper = atReview("vipps", "outage@example.no");
        atWalletApproval(shopper);
        // Down before the payment: the provider's callbacks must not register the order either.
        ConnectIdSwitch.WIRE.down();
        Shopper.Page approved = shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
        assertThat(approved.location(), containsString("/checkout/paid/"));

        Shopper.Page back = shopper.get(approved.location());
        assertEquals(503, back.status());
        assertThat(back.text(), containsString("Nothing is lost"));
        CheckoutSession paid = session(shopper);
        assertEquals(Step.PAID, paid.step());
        assertNull(paid.attempt().connectIdOrderId());
        assertEquals(PaymentState.CAPTURED,
                payments.get(Accounts.payment(store.load(paid.id()).publisher()), paid.attempt().paymentId()).state());

        // Still down: a round of reconciliation changes nothing and loses nothing.
        reconciliation.run();
        assertEquals(Step.PAID, session(shopper).step());

        // Both callbacks (authorized, captured) arrived while ConnectID was down, and changed nothing.
        await().atMost(Duration.ofSeconds(20)).until(() -> events(session(shopper), "payment_callback") >= 2);
        assertEquals(Step.PAID, session(shopper).step());

        ConnectIdSwitch.WIRE.up();
        // Rounds of reconciliation (every minute in production) until the circuit lets the first call through.
        // A late callback may be the step that finishes it: finished means completed and the guest's account assigned.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            reconciliation.run();
            CheckoutSession s = session(shopper);
            return s.step() == Step.COMPLETED && s.attempt().userAssigned();
        });
        CheckoutSession done = session(shopper);
        assertEquals(Step.COMPLETED, done.step());
        assertTrue(done.attempt().userAssigned());
        assertEquals(1, events(done, "order_registered"));
        assertEquals(1, events(done, "payment_captured"));
        assertEquals("completed", ConnectIdProbe.order(done.attempt().connectIdOrderId()).getString("orderStatus"));

        // Another round finds nothing left to do for this checkout, and the shopper sees the receipt.
        reconciliation.run();
        assertEquals(1, events(session(shopper), "order_registered"));
        assertThat(shopper.open("/checkout/status").text(), containsString("Thank you for your order"));
    }
}
