package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The step guard of a new attempt, on its own. A confirm reads the checkout (still DETAILS), and
 * before its change the checkout moves on through another tab's confirm. Its change then loads the
 * row afresh, so no optimistic lock stands in the way: only the transition table's guard
 * (BEGIN_ATTEMPT legal in DETAILS and FAILED only) keeps it from starting a second attempt.
 *
 * <p>That window, between {@code ReviewResource}'s read and {@link CheckoutFlow#confirm}, cannot be
 * hit on purpose over HTTP, so the late half of the confirm is called directly with the id its read
 * returned; everything before it is the shopper's real requests.
 */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class StaleConfirmGuardTest {

    @Inject
    CheckoutFlow flow;

    @Test
    void aConfirmReadBeforeThePaymentStartedStartsNoSecondAttempt() {
        Shopper shopper = atReview("card", "stale.confirm.card@example.no");
        CheckoutSession readByTheLateConfirm = session(shopper);
        assertEquals(Step.DETAILS, readByTheLateConfirm.step());

        Shopper.Page toFulfillment = shopper.submit("form[action='/checkout/confirm']", Map.of(), null);
        assertEquals(303, toFulfillment.status());
        CheckoutSession moved = session(shopper);
        assertEquals(Step.AWAITING_PAYMENT, moved.step());

        Next late = flow.confirm(readByTheLateConfirm.id());

        assertInstanceOf(Next.Pending.class, late, "the late confirm shows where the checkout is");
        CheckoutSession after = session(shopper);
        assertEquals(Step.AWAITING_PAYMENT, after.step());
        assertEquals(1, after.attempt().number());
        assertEquals(moved.attempt().externalOrderId(), after.attempt().externalOrderId());
        assertEquals(moved.attempt().connectIdOrderId(), after.attempt().connectIdOrderId());
        assertEquals(1, events(after, "attempt_started"));
        assertEquals(1, events(after, "order_registered"));
    }

    @Test
    void aConfirmReadBeforeTheOrderCompletedStartsNoSecondOrder() {
        Shopper shopper = atReview("invoice", "stale.confirm.invoice@example.no");
        CheckoutSession readByTheLateConfirm = session(shopper);

        shopper.submitAndFollow("form[action='/checkout/confirm']", Map.of(), null);
        assertEquals(Step.COMPLETED, session(shopper).step());

        Next late = flow.confirm(readByTheLateConfirm.id());

        assertEquals(new Next.Page(Step.COMPLETED), late);
        CheckoutSession after = session(shopper);
        assertEquals(Step.COMPLETED, after.step());
        assertEquals(1, after.attempt().number());
        assertEquals(1, events(after, "attempt_started"));
        assertEquals(1, events(after, "order_registered"));
    }
}
