package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.atWalletApproval;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectcheckout.connectid.client.ConnectIdUnavailableException;
import io.connectcheckout.connectid.sandbox.orders.SandboxOrder;
import io.connectcheckout.payment.client.PaymentDetails;
import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.payment.client.PaymentState;
import io.connectcheckout.publisher.Publisher;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shopper paid, and ConnectID refuses the order for good (here: a payer it will not take).
 * The money goes back in full, once, and the shopper is told so; the checkout may be tried again.
 */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class RefusedOrderFaultTest {

    @Inject
    PaymentProvider payments;

    @Inject
    CheckoutStore store;

    @Inject
    CheckoutFlow flow;

    @Test
    void aPaidOrderConnectIdRefusesIsRefundedOnceAndTheShopperIsTold() {
        Shopper shopper = atReview("vipps", "refused.order@example.no");
        // What the form checks cannot see: ConnectID will refuse this payer (no last name, no company).
        Long id = session(shopper).id();
        QuarkusTransaction.requiringNew().run(() -> {
            Payer payer = CheckoutSession.<CheckoutSession>findById(id).payer();
            PayerDetails d = payer.details();
            payer.set(new PayerDetails(d.firstName(), null, d.email(), d.mobile(), d.postalCode(), d.street(), d.city(),
                    d.termsAccepted()));
        });
        // The review page as it is now: a form from the page before the change would be out of date.
        shopper.open("/checkout/review");

        atWalletApproval(shopper);
        Shopper.Page approved = shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
        Shopper.Page failed = shopper.follow(shopper.get(approved.location()));
        assertThat(failed.text(), containsString("the money was refunded in full"));

        CheckoutSession s = session(shopper);
        assertEquals(Step.FAILED, s.step());
        assertEquals("refunded", s.attempt().outcome().code());
        assertNull(s.attempt().connectIdOrderId());
        assertNull(s.leases().registeringUntil());
        assertEquals(1, events(s, "order_refused"));
        assertEquals(1, events(s, "payment_refunded"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(
                () -> SandboxOrder.count("externalOrderId", s.attempt().externalOrderId())));
        PaymentDetails payment = payments.get(Accounts.payment(store.load(s.id()).publisher()), s.attempt().paymentId());
        assertEquals(PaymentState.REFUNDED, payment.state());
        assertEquals(s.terms().price(), payment.refunded());

        // Later rounds, reloads and late callbacks refund nothing more.
        flow.advanceInBackground(s.id());
        shopper.open("/checkout/status");
        assertEquals(1, events(session(shopper), "payment_refunded"));
        assertEquals(PaymentState.REFUNDED,
                payments.get(Accounts.payment(store.load(s.id()).publisher()), s.attempt().paymentId()).state());
    }

    @Test
    void credentialsConnectIdRefusesAreNotARefusedOrderAndNothingIsRefunded() {
        Shopper shopper = atReview("vipps", "refused.credentials@example.no");
        atWalletApproval(shopper);
        Long publisherId = session(shopper).publisher().id;
        String clientId = QuarkusTransaction.requiringNew().call(
                () -> Publisher.<Publisher>findById(publisherId).connectIdClientId);
        try {
            // The publisher's ConnectID client is misconfigured: the token endpoint answers 401.
            setClientId(publisherId, "no.connectcheckout.unknown");
            Shopper.Page approved = shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
            Shopper.Page back = shopper.get(approved.location());
            assertEquals(503, back.status(), back.body());
            assertThat(back.text(), containsString("Nothing is lost"));
            // A callback or reconciliation finds the same, and leaves it for later.
            assertThrows(ConnectIdUnavailableException.class, () -> flow.advanceInBackground(session(shopper).id()));
            CheckoutSession paid = session(shopper);
            assertEquals(Step.PAID, paid.step());
            assertNull(paid.leases().registeringUntil(), "refused credentials: ConnectID did not take the order");
            assertEquals(0, events(paid, "order_refused"));
        } finally {
            setClientId(publisherId, clientId);
        }

        // Fixed: the shopper's next look registers and completes it, with the money kept.
        assertThat(shopper.open("/checkout/status").text(), containsString("Thank you for your order"));
        CheckoutSession done = session(shopper);
        assertEquals(Step.COMPLETED, done.step());
        assertEquals(1, events(done, "order_registered"));
        assertEquals(0, events(done, "payment_refunded"));
        assertEquals(PaymentState.CAPTURED,
                payments.get(Accounts.payment(store.load(done.id()).publisher()), done.attempt().paymentId()).state());
    }

    private static void setClientId(Long publisherId, String clientId) {
        QuarkusTransaction.requiringNew().run(() -> Publisher.<Publisher>findById(publisherId).connectIdClientId = clientId);
    }
}
