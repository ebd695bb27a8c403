package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Twenty confirms of one checkout at the same moment: one attempt, one order, one payment, no 5xx. */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class ConcurrentConfirmFaultTest {

    @Test
    void twentyConcurrentConfirmsOfAnInvoiceCheckoutRegisterOneOrder() throws Exception {
        Shopper shopper = atReview("invoice", "twenty.invoice@example.no");
        List<Shopper.Page> answers = confirmTwentyTimes(shopper);
        for (Shopper.Page answer : answers) {
            assertEquals(303, answer.status(), "every answer is a redirect");
            assertThat(answer.location(), anyOf(endsWith("/checkout/receipt"), endsWith("/checkout/status")));
        }
        CheckoutSession s = session(shopper);
        assertEquals(Step.COMPLETED, s.step());
        assertEquals(1, s.attempt().number());
        assertEquals(1, events(s, "attempt_started"));
        assertEquals(1, events(s, "order_registered"));
        assertEquals(1, events(s, "order_completed"));
        assertEquals(1, events(s, "user_assigned"));
    }

    @Test
    void twentyConcurrentConfirmsOfAPrepaidCheckoutStartOnePayment() throws Exception {
        Shopper shopper = atReview("vipps", "twenty.vipps@example.no");
        List<Shopper.Page> answers = confirmTwentyTimes(shopper);
        String paymentPage = null;
        for (Shopper.Page answer : answers) {
            assertEquals(303, answer.status(), "every answer is a redirect");
            if (answer.location().contains("/psp/pay/")) {
                paymentPage = answer.location();
            } else {
                assertThat(answer.location(), endsWith("/checkout/status"));
            }
        }
        assertNotNull(paymentPage, "one confirm sent the shopper to the payment page");
        CheckoutSession s = session(shopper);
        assertEquals(Step.AWAITING_PAYMENT, s.step());
        assertEquals(1, s.attempt().number());
        assertEquals(1, events(s, "attempt_started"));
        assertEquals(1, events(s, "payment_started"));
        assertThat(paymentPage, endsWith(s.attempt().paymentId()));
    }

    private static List<Shopper.Page> confirmTwentyTimes(Shopper shopper) throws Exception {
        return io.connectcheckout.testing.Checkouts.confirmAtOnce(shopper, 20);
    }
}
