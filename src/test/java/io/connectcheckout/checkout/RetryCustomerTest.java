package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.payer;
import static io.connectcheckout.testing.Checkouts.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.connectcheckout.connectid.sandbox.users.Customer;
import io.connectcheckout.testing.ConnectIdProbe;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A guest's retry after a declined payment at fulfillment registers its new order for the
 * customer ConnectID created with the first order ({@code payer.customerNumber}): one customer,
 * none orphaned. A payer who changed their details is another payer, and gets their own.
 */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class RetryCustomerTest {

    private static final String DECLINED = "4000 0000 0000 0002";
    private static final String GOOD = "4111 1111 1111 1111";

    @Test
    void aRetryAfterADeclineReusesTheFirstOrdersCustomer() {
        String email = "retry.customer@example.no";
        Shopper shopper = atReview("card", email);
        Shopper.Page failed = CheckoutJourneyTest.payAtFulfillment(shopper, DECLINED);
        assertThat(failed.url(), containsString("/checkout/failed"));
        long firstOrder = session(shopper).attempt().connectIdOrderId();
        Long firstCustomer = ConnectIdProbe.order(firstOrder).getLong("customerNumber");
        assertNotNull(firstCustomer);

        Shopper.Page receipt = CheckoutJourneyTest.payAtFulfillment(shopper, GOOD);

        assertThat(receipt.text(), containsString("Thank you for your order"));
        CheckoutSession done = session(shopper);
        assertEquals(2, done.attempt().number());
        assertNotEquals(firstOrder, done.attempt().connectIdOrderId());
        assertEquals(firstCustomer, ConnectIdProbe.order(done.attempt().connectIdOrderId()).getLong("customerNumber"));
        assertEquals(1L, customersWith(email), "no second, orphaned customer");
    }

    @Test
    void changedPayerDetailsAfterADeclineAreAnotherCustomer() {
        Shopper shopper = atReview("card", "retry.before@example.no");
        CheckoutJourneyTest.payAtFulfillment(shopper, DECLINED);
        Long firstCustomer = ConnectIdProbe.order(session(shopper).attempt().connectIdOrderId()).getLong("customerNumber");

        shopper.open("/checkout/details");
        Map<String, String> other = payer("retry.after@example.no");
        other.put("paymentOption", "card");
        shopper.submitAndFollow("form[action='/checkout/details']", other, null);
        Shopper.Page receipt = CheckoutJourneyTest.payAtFulfillment(shopper, GOOD);

        assertThat(receipt.text(), containsString("Thank you for your order"));
        Long secondCustomer = ConnectIdProbe.order(session(shopper).attempt().connectIdOrderId())
                .getLong("customerNumber");
        assertNotEquals(firstCustomer, secondCustomer);
        assertEquals(1L, customersWith("retry.after@example.no"));
    }

    private static long customersWith(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Customer.count("email", email));
    }
}
