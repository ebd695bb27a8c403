package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.payer;
import static io.connectcheckout.testing.Checkouts.session;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Back from the payment page before paying: the shopper sees at once that the payment was not
 * completed and can pay it now (the same payment, never a second one), choose another way to pay,
 * or cancel. A payment given up is withdrawn at the provider, so it cannot be paid late; one paid
 * meanwhile goes on to its order. Always one order and at most one capture per attempt.
 */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class PaymentBackTest {

    private static final String DEMO_KEY = "psp_test_demo_key";

    @Test
    void backFromThePaymentPageShowsNotCompletedAndPaysTheSamePaymentAgain() {
        Shopper shopper = atReview("vipps", "back.pay.again@example.no");
        Shopper.Page payPage = confirm(shopper);

        Shopper.Page back = backToReview(shopper);
        assertNotNull(back.document().selectFirst("#another-way"));
        assertNotNull(back.document().selectFirst("#cancel-payment"));
        assertEquals(Step.AWAITING_PAYMENT, session(shopper).step(), "nothing ended by itself");

        Shopper.Page again = shopper.submit("form[action='/checkout/payment/again']", Map.of(), null);
        assertEquals(303, again.status());
        assertThat(again.location(), endsWith(session(shopper).attempt().paymentId()));
        assertEquals(payPage.url(), shopper.follow(again).url(), "the same payment's page");
        Shopper.Page receipt = shopper.follow(approveInTheApp(shopper));
        assertThat(receipt.text(), containsString("Thank you for your order"));

        Checkouts.assertCompletedInOneAttemptPaidOnce(session(shopper));
    }

    @Test
    void anotherWayToPayWithdrawsTheOpenPaymentSoItCannotBePaidLate() {
        Shopper shopper = atReview("vipps", "back.another.way@example.no");
        confirm(shopper);
        shopper.follow(shopper.submit("form[action$='/wallet']", Map.of("mobile", "912 34 567"), null));
        Shopper.Page inTheApp = shopper.page();
        String firstPayment = session(shopper).attempt().paymentId();

        backToReview(shopper);
        Shopper.Page details = shopper.submitAndFollow("form[action='/checkout/payment/another-way']", Map.of(), null);
        assertThat(details.url(), containsString("/checkout/details"));
        assertEquals(Step.DETAILS, session(shopper).step());
        assertEquals("ABORTED", payment(firstPayment).getString("state"));

        // The app approves the first payment anyway: it was withdrawn, nothing is taken.
        shopper.back(inTheApp);
        Shopper.Page late = shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
        assertTrue(late.status() < 500, "late approval: HTTP " + late.status());
        assertEquals("ABORTED", payment(firstPayment).getString("state"));

        shopper.open("/checkout/details");
        Map<String, String> invoice = payer("back.another.way@example.no");
        invoice.put("paymentOption", "invoice");
        shopper.submitAndFollow("form[action='/checkout/details']", invoice, null);
        Shopper.Page receipt = shopper.submitAndFollow("form[action='/checkout/confirm']", Map.of(), null);
        assertThat(receipt.text(), containsString("Thank you for your order"));
        CheckoutSession done = session(shopper);
        assertEquals(2, done.attempt().number());
        assertEquals(1, events(done, "order_registered"));
        assertEquals(0, payment(firstPayment).getInt("captured.value"));
    }

    @Test
    void cancelWithdrawsThePaymentAndGoesBackToReview() {
        Shopper shopper = atReview("vipps", "back.cancel@example.no");
        confirm(shopper);
        String paymentId = session(shopper).attempt().paymentId();
        backToReview(shopper);
        Shopper.Page review = shopper.submitAndFollow("form[action='/checkout/payment/cancel']", Map.of(), null);
        assertThat(review.url(), containsString("/checkout/review"));
        assertThat(review.text(), containsString("The payment was cancelled and nothing was charged"));
        assertEquals(Step.DETAILS, session(shopper).step());
        assertEquals("ABORTED", payment(paymentId).getString("state"));
    }

    @Test
    void aPaymentPaidAfterBackGoesOnToItsOrderWhateverTheShopperPresses() {
        Shopper shopper = atReview("vipps", "back.paid.late@example.no");
        confirm(shopper);
        shopper.follow(shopper.submit("form[action$='/wallet']", Map.of("mobile", "912 34 567"), null));
        Shopper.Page inTheApp = shopper.page();
        Shopper.Page notCompleted = backToReview(shopper);

        // Approved in the app after all, then the shopper presses "another way to pay" on the old page.
        shopper.back(inTheApp);
        shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
        shopper.back(notCompleted);
        Shopper.Page receipt = shopper.submitAndFollow("form[action='/checkout/payment/another-way']", Map.of(), null);
        assertThat(receipt.text(), containsString("Thank you for your order"));

        CheckoutSession done = session(shopper);
        assertEquals(Step.COMPLETED, done.step());
        assertEquals(1, events(done, "order_registered"));
        assertEquals(1, events(done, "payment_captured") + events(done, "payment_verified"));
        assertEquals(29900, payment(done.attempt().paymentId()).getInt("captured.value"));
    }

    @Test
    void backFromTheFulfillmentPaymentPagePaysTheSameOrderAgain() {
        Shopper shopper = atReview("card", "back.fulfillment@example.no");
        Shopper.Page payPage = shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(payPage.url(), containsString("/psp/pay/"));
        Long order = session(shopper).attempt().connectIdOrderId();

        Shopper.Page back = backToReview(shopper);
        assertNull(back.document().selectFirst("#another-way"), "ConnectID's order cannot be withdrawn from here");
        // Found by the outside attack: the text offered "another way to pay" that the page did not have.
        assertThat(back.document().selectFirst("p[role=status]").text(), not(containsString("another way")));

        Shopper.Page again = shopper.follow(shopper.submit("form[action='/checkout/payment/again']", Map.of(), null));
        assertEquals(payPage.url(), again.url(), "the same payment page of the same order");
        Shopper.Page receipt = shopper.follow(shopper.submit("form[action$='/card']",
                Map.of("cardNumber", "4111 1111 1111 1111", "expiry", "12/39", "cvc", "123"), null));
        assertThat(receipt.text(), containsString("Thank you for your order"));
        CheckoutSession done = session(shopper);
        assertEquals(order, done.attempt().connectIdOrderId());
        assertEquals(1, events(done, "order_registered"));
    }

    /** Confirms; returns the provider's payment page. */
    private static Shopper.Page confirm(Shopper shopper) {
        Shopper.Page payPage = shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(payPage.url(), containsString("/psp/pay/"));
        return payPage;
    }

    /** Back from the provider's page: the browser shows the review page again, which the checkout redirects. */
    private static Shopper.Page backToReview(Shopper shopper) {
        Shopper.Page back = shopper.open("/checkout/review");
        assertEquals(200, back.status());
        assertThat(back.text(), containsString("The payment was not completed"));
        assertNotNull(back.document().selectFirst("#pay-again"));
        assertNull(back.document().selectFirst("meta[http-equiv=refresh]"), "no endless waiting page");
        return back;
    }

    private static Shopper.Page approveInTheApp(Shopper shopper) {
        shopper.follow(shopper.submit("form[action$='/wallet']", Map.of("mobile", "912 34 567"), null));
        Shopper.Page approved = shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
        assertThat(approved.location(), containsString("/checkout/paid/"));
        return approved;
    }

    private static JsonPath payment(String paymentId) {
        return given().auth().oauth2(DEMO_KEY).when().get("/psp/v1/payments/" + paymentId)
                .then().statusCode(200).extract().jsonPath();
    }
}
