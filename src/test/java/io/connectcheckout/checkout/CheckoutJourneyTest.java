package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.payer;
import static io.connectcheckout.testing.Checkouts.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.ConnectIdProbe;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The journey over real HTTP through the checkout's, ConnectID's and the payment provider's
 * pages: languages, login and logout, a return without the cookie, and redirects that only ever
 * go where they should.
 */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class CheckoutJourneyTest {

    static final String OFFER = "/checkout/demo/digital-month";

    @Test
    void everyPageOfTheJourneyIsInNorwegian() {
        Shopper shopper = new Shopper("nb");
        Shopper.Page offer = shopper.open(OFFER);
        assertThat(offer.text(), containsString("Fortsett som gjest"));
        assertThat(offer.text(), containsString("Mva.-fritt"));
        assertThat(offer.text(), containsString("kr 299,00"));
        assertEquals("nb", offer.document().selectFirst("html").attr("lang"));
        Shopper.Page details = shopper.submitAndFollow("form[action='" + OFFER + "']",
                Map.of("paymentOption", "invoice"), "mode=guest");
        assertThat(details.text(), containsString("Dine opplysninger"));
        assertThat(details.text(), containsString("Jeg godtar salgsvilkårene til Dagsavisen Demo"));
        Shopper.Page review = shopper.submitAndFollow("form[action='/checkout/details']", payer("nb@example.no"), null);
        assertThat(review.text(), containsString("Kontroller og bekreft"));
        assertThat(review.text(), containsString("Bestill med betalingsplikt"));
        Shopper.Page receipt = shopper.submitAndFollow("form[action='/checkout/confirm']", Map.of(), null);
        assertThat(receipt.text(), containsString("Takk for bestillingen"));
        assertThat(receipt.text(), containsString("Ordrenummer"));
        assertThat(receipt.text(), containsString("Vi har sendt en melding til nb@example.no"));
    }

    @Test
    void everyPageOfTheJourneyIsInEnglish() {
        Shopper shopper = new Shopper("en");
        Shopper.Page offer = shopper.open("/checkout/demo/digital-year");
        assertThat(offer.text(), containsString("NOK 2,990.00 for 12 months"));
        Shopper.Page details = shopper.submitAndFollow("form[action='/checkout/demo/digital-year']",
                Map.of("paymentOption", "invoice"), "mode=guest");
        assertThat(details.text(), containsString("Your details"));
        Shopper.Page review = shopper.submitAndFollow("form[action='/checkout/details']", payer("en@example.no"), null);
        assertThat(review.text(), containsString("Order with obligation to pay"));
        Shopper.Page receipt = shopper.submitAndFollow("form[action='/checkout/confirm']", Map.of(), null);
        assertThat(receipt.text(), containsString("Thank you for your order"));
        assertThat(receipt.text(), containsString("12 months"));
    }

    @Test
    void theStatusAndFailurePagesAreTranslated() {
        Shopper shopper = Checkouts.atReview("card", "declined.nb@example.no");
        Shopper.Page paymentPage = payAtFulfillment(shopper, "4000 0000 0000 0002");
        assertThat(paymentPage.url(), containsString("/checkout/failed"));
        assertThat(paymentPage.text(), containsString("The payment did not go through"));
        Shopper norwegian = new Shopper("nb");
        norwegian.cookies().putAll(shopper.cookies());
        assertThat(norwegian.open("/checkout/failed").text(), containsString("Betalingen gikk ikke gjennom"));
    }

    @Test
    void aShopperLogsInThroughConnectIdAndOutAgainWithNewSessionIds() {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        Shopper.Page login = shopper.submitAndFollow("form[action='" + OFFER + "']", Map.of("paymentOption", "card"),
                "mode=login");
        assertThat(login.url(), containsString("/user/oauth/authorize"));
        String before = shopper.cookies().get(CurrentCheckout.COOKIE);
        Shopper.Page details = shopper.submitAndFollow("form[action='/user/oauth/authorize']",
                Map.of("credential", "kari.nordmann@example.no", "password", "Demo-passord-1"), null);
        assertThat(details.url(), containsString("/checkout/details"));
        assertThat(details.text(), containsString("Logged in as kari.nordmann@example.no"));
        assertEquals("Kari", details.document().selectFirst("#firstName").attr("value"));
        assertEquals("0155", details.document().selectFirst("#postalCode").attr("value"));
        String afterLogin = shopper.cookies().get(CurrentCheckout.COOKIE);
        assertNotEquals(before, afterLogin, "a new session id after login");
        assertNotNull(session(shopper).login().accessToken());

        Shopper.Page loggedOut = shopper.submitAndFollow("form[action='/checkout/logout']", Map.of(), null);
        assertThat(loggedOut.text(), not(containsString("Logged in as")));
        assertNotEquals(afterLogin, shopper.cookies().get(CurrentCheckout.COOKIE), "a new session id after logout");
        assertNull(session(shopper).login().accessToken());
        // The old cookie no longer opens the checkout.
        Shopper stale = new Shopper();
        stale.cookies().put(CurrentCheckout.COOKIE, afterLogin);
        assertEquals("/", stale.get("/checkout/details").location().replaceFirst("^https?://[^/]+", ""));
    }

    @Test
    void aForgedLoginCallbackIsRefused() {
        Shopper shopper = Checkouts.atReview("invoice", "forged.login@example.no");
        shopper.open("/checkout/details");
        shopper.submit("form[action='/checkout/login']", Map.of(), null);
        Shopper.Page forged = shopper.get("/checkout/auth/callback?code=stolen&state=not-the-state");
        assertEquals(403, forged.status());
        assertNull(session(shopper).login().accessToken());
    }

    @Test
    void aReturnWithoutTheCookieShowsTheReceiptThroughASignedLink() {
        Shopper shopper = Checkouts.atReview("card", "nocookie@example.no");
        shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(shopper.page().url(), containsString("/psp/pay/"));
        Shopper.Page afterPay = shopper.submit("form[action$='/card']",
                Map.of("cardNumber", "4111 1111 1111 1111", "expiry", "12/39", "cvc", "123"), null);
        // Follow ConnectID's return in this browser until it points back at the checkout...
        Shopper.Page hop = afterPay;
        while (hop.location() != null && !hop.location().contains("/checkout/return/")) {
            hop = shopper.get(hop.location());
        }
        assertNotNull(hop.location(), "ConnectID sends the browser back to the checkout");
        // ...and arrive there in another browser (an app switch): no cookie.
        Shopper elsewhere = new Shopper();
        Shopper.Page arrived = elsewhere.get(hop.location());
        assertEquals(303, arrived.status());
        assertThat(arrived.location(), containsString("/checkout/receipt/"));
        Shopper.Page receipt = elsewhere.follow(arrived);
        assertThat(receipt.text(), containsString("Thank you for your order"));
        CheckoutSession paid = session(shopper);
        assertEquals(Step.COMPLETED, paid.step());
        assertEquals("completed", ConnectIdProbe.order(paid.attempt().connectIdOrderId()).getString("orderStatus"));
    }

    @Test
    void redirectsOnlyGoToTheCheckoutConnectIdOrThePaymentProvider() {
        Shopper shopper = new Shopper();
        shopper.open(OFFER + "?returnUrl=https://evil.example/&redirect=//evil.example");
        Shopper.Page started = shopper.submit("form[action='" + OFFER + "']",
                Map.of("paymentOption", "card", "returnUrl", "https://evil.example/", "next", "//evil.example"),
                "mode=guest");
        assertThat(started.location(), startsWith(Shopper.absolute("/checkout/details")));
        shopper.follow(started);
        Shopper.Page review = shopper.submit("form[action='/checkout/details']", payer("redirects@example.no"), null);
        assertThat(review.location(), startsWith(Shopper.absolute("/checkout/review")));
        shopper.follow(review);
        Shopper.Page confirm = shopper.submit("form[action='/checkout/confirm']",
                Map.of("returnUrl", "https://evil.example/"), null);
        assertThat(confirm.location(), startsWith(Shopper.absolute("/user/fulfillment?")));
        assertThat(confirm.location(), not(containsString("evil")));
        // A callback with an error or a missing code goes back to the details, never elsewhere.
        assertThat(shopper.get("/checkout/auth/callback?error=access_denied&redirect_uri=https://evil.example")
                .location(), not(containsString("evil")));
    }

    /** Confirms, pays on the payment page at ConnectID's fulfillment, and follows back to the checkout. */
    static Shopper.Page payAtFulfillment(Shopper shopper, String card) {
        shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(shopper.page().url(), containsString("/psp/pay/"));
        return shopper.follow(shopper.submit("form[action$='/card']",
                Map.of("cardNumber", card, "expiry", "12/39", "cvc", "123"), null));
    }
}
