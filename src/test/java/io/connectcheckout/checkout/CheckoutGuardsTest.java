package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.OFFER;
import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.payer;
import static io.connectcheckout.testing.Checkouts.query;
import static io.connectcheckout.testing.Checkouts.session;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.testing.ConnectIdProbe;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Steps cannot be skipped or replayed, prices and options cannot be tampered with, returns are verified. */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class CheckoutGuardsTest {

    @Test
    void reviewAndConfirmCannotBeReachedBeforeTheDetails() {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        shopper.submit("form[action='" + OFFER + "']", Map.of("paymentOption", "invoice"), "mode=guest");
        Shopper.Page review = shopper.get("/checkout/review");
        assertEquals(303, review.status());
        assertThat(review.location(), containsString("/checkout/details"));
        shopper.open("/checkout/details");
        Shopper.Page confirm = shopper.submit("form[action='/checkout/details']", Map.of(), null);
        // The details form itself refuses an empty submission and nothing was registered.
        assertEquals(303, confirm.status());
        assertNull(session(shopper).attempt().externalOrderId());
    }

    @Test
    void aDoubleSubmittedConfirmRegistersOneOrder() {
        Shopper shopper = atReview("invoice", "double.submit@example.no");
        Shopper.Page review = shopper.page();
        Shopper.Page first = shopper.submit("form[action='/checkout/confirm']", Map.of(), null);
        shopper.back(review);
        Shopper.Page second = shopper.submit("form[action='/checkout/confirm']", Map.of(), null);
        assertEquals(303, first.status());
        assertEquals(303, second.status());
        Shopper.Page receipt = shopper.follow(second);
        assertThat(receipt.text(), containsString("Thank you for your order"));
        CheckoutSession session = session(shopper);
        assertEquals(Step.COMPLETED, session.step());
        assertEquals(1, session.attempt().number());
        assertEquals(1, events(session, "order_registered"));
        // Reload and Back after paying: the receipt again, still one order.
        assertThat(shopper.open("/checkout/receipt").text(), containsString("Order number " + session.attempt().connectIdOrderId()));
        assertThat(shopper.open("/checkout/review").url(), containsString("/checkout/receipt"));
        assertEquals(1, events(session(shopper), "order_registered"));
    }

    @Test
    void reloadAndBackAfterAPrepaidPaymentShowTheReceiptAndChargeOnce() {
        Shopper shopper = atReview("vipps", "reload.prepaid@example.no");
        Shopper.Page review = shopper.page();
        Shopper.Page payPage = shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        shopper.follow(shopper.submit("form[action$='/wallet']", Map.of("mobile", "912 34 567"), null));
        Shopper.Page approved = shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
        String back = approved.location();
        assertThat(shopper.follow(shopper.get(back)).text(), containsString("Thank you for your order"));

        // Reload the return three times, go Back to the payment page and to review and confirm again.
        for (int i = 0; i < 3; i++) {
            assertThat(shopper.follow(shopper.get(back)).text(), containsString("Thank you for your order"));
        }
        Shopper.Page paymentAgain = shopper.get(payPage.url());
        assertTrue(paymentAgain.status() < 500, "payment page again: " + paymentAgain.status());
        shopper.back(review);
        assertThat(shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null)).text(),
                containsString("Thank you for your order"));

        Checkouts.assertCompletedInOneAttemptPaidOnce(session(shopper));
    }

    @Test
    void theAmountSentToConnectIdIsTheCatalogueAmountWhateverTheBrowserSends() {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        Map<String, String> tampered = new HashMap<>(Map.of("paymentOption", "invoice", "price", "1.00",
                "amount", "1", "currency", "SEK", "offer", "digital-year"));
        shopper.submitAndFollow("form[action='" + OFFER + "']", tampered, "mode=guest");
        Map<String, String> details = payer("tamper@example.no");
        details.put("price", "0");
        shopper.submitAndFollow("form[action='/checkout/details']", details, null);
        shopper.submitAndFollow("form[action='/checkout/confirm']", Map.of("amount", "1"), null);
        CheckoutSession session = session(shopper);
        assertEquals(Step.COMPLETED, session.step());
        assertEquals(29900L, session.terms().amountMinor());
        assertEquals("NOK", session.terms().currency());
        assertEquals(0, new BigDecimal("299.00").compareTo(
                ConnectIdProbe.order(session.attempt().connectIdOrderId()).getObject("orderAmount", BigDecimal.class)));
    }

    @Test
    void aPaymentOptionThePublisherDoesNotOfferIsRefused() {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        Shopper.Page refused = shopper.submit("form[action='" + OFFER + "']", Map.of("paymentOption", "bitcoin"),
                "mode=guest");
        assertEquals(422, refused.status());
        assertThat(refused.text(), containsString("Choose one of the payment options"));
        assertTrue(!shopper.cookies().containsKey(CurrentCheckout.COOKIE), "no checkout was started");
        given().when().get("/checkout/demo/no-such-offer").then().statusCode(404);
        given().when().get("/checkout/nobody/digital-month").then().statusCode(404);
    }

    @Test
    void aForgedSuccessOnAnUnpaidOrderShowsNoReceipt() {
        Shopper shopper = atReview("card", "forged@example.no");
        Shopper.Page toFulfillment = shopper.submit("form[action='/checkout/confirm']", Map.of(), null);
        assertEquals(303, toFulfillment.status());
        URI fulfillment = URI.create(toFulfillment.location());
        assertThat(fulfillment.getPath(), containsString("/user/fulfillment"));
        String returnUrl = query(fulfillment, "returnUrl");

        Shopper.Page forged = shopper.open(returnUrl + "&fulfillmentStatus=success");
        assertThat(forged.text(), not(containsString("Thank you for your order")));
        assertThat(forged.url(), containsString("/checkout/status"));
        assertEquals(Step.AWAITING_PAYMENT, session(shopper).step());
        assertEquals("preliminary", ConnectIdProbe.order(session(shopper).attempt().connectIdOrderId()).getString("orderStatus"));

        // A tampered signature or a reference without one is refused outright.
        String reference = session(shopper).reference();
        given().redirects().follow(false).when().get("/checkout/return/" + reference + "?sig=AAAA&fulfillmentStatus=success")
                .then().statusCode(403);
        given().redirects().follow(false).when().get("/checkout/return/" + reference + "?fulfillmentStatus=success")
                .then().statusCode(403);
        given().redirects().follow(false).when().get("/checkout/paid/" + reference + "?sig=" + query(URI.create(returnUrl), "sig"))
                .then().statusCode(403);
    }

    @Test
    void formsWithoutTheCsrfTokenChangeNothing() {
        Shopper shopper = atReview("invoice", "csrf@example.no");
        Map<String, String> noToken = new HashMap<>();
        noToken.put("csrf-token", null);
        Shopper.Page refused = shopper.submit("form[action='/checkout/confirm']", noToken, null);
        assertEquals(400, refused.status());
        assertEquals(Step.DETAILS, session(shopper).step());
        assertNull(session(shopper).attempt().externalOrderId());
    }

    /** Issue 14 item 12: every link of the error summary names its field, as the field's label does. */
    @Test
    void theErrorSummaryNamesTheFieldOfEveryLink() {
        for (String language : java.util.List.of("en", "nb")) {
            Shopper shopper = new Shopper(language);
            shopper.open(OFFER);
            shopper.submitAndFollow("form[action='" + OFFER + "']", Map.of("paymentOption", "invoice"), "mode=guest");
            Map<String, String> bad = payer("ok@example.no");
            bad.put("firstName", "");
            bad.put("lastName", "x".repeat(61));
            bad.put("postalCode", " ");
            Shopper.Page again = shopper.submitAndFollow("form[action='/checkout/details']", bad, null);
            var links = again.document().select("#error-summary a[href^=#]");
            assertEquals(3, links.size(), language + ": " + links);
            for (var link : links) {
                String field = link.attr("href").substring(1);
                String label = again.document().selectFirst("label[for=" + field + "]").ownText().trim();
                assertThat(language + ": " + link.text(), link.text().toLowerCase(java.util.Locale.ROOT),
                        containsString(label.toLowerCase(java.util.Locale.ROOT)));
            }
        }
    }

    @Test
    void invalidDetailsComeBackWithFieldErrorsAndTheTypedValues() {
        Shopper shopper = new Shopper("nb");
        shopper.open(OFFER);
        shopper.submitAndFollow("form[action='" + OFFER + "']", Map.of("paymentOption", "invoice"), "mode=guest");
        Map<String, String> bad = payer("not-an-email");
        bad.put("mobile", "123");
        bad.put("postalCode", "12a4");
        bad.remove("terms");
        Shopper.Page again = shopper.submitAndFollow("form[action='/checkout/details']", bad, null);
        assertThat(again.url(), containsString("/checkout/details"));
        assertNotNull(again.document().selectFirst("#error-summary"));
        assertEquals("email-error", again.document().selectFirst("#email").attr("aria-describedby"));
        assertThat(again.document().selectFirst("#email-error").text(), containsString("e-postadresse"));
        assertNotNull(again.document().selectFirst("#mobile-error"));
        assertNotNull(again.document().selectFirst("#postalCode-error"));
        assertNotNull(again.document().selectFirst("#terms-error"));
        assertEquals("not-an-email", again.document().selectFirst("#email").attr("value"));
        assertEquals(Step.OFFER, session(shopper).step());
    }

    @Test
    void norwegianMobileNumbersAreStoredInE164() {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        shopper.submitAndFollow("form[action='" + OFFER + "']", Map.of("paymentOption", "invoice"), "mode=guest");
        Map<String, String> fields = payer("");
        fields.put("mobile", "912 34 567");
        shopper.submitAndFollow("form[action='/checkout/details']", fields, null);
        assertEquals("+4791234567", session(shopper).payer().mobile());
        assertNull(session(shopper).payer().email());
    }
}
