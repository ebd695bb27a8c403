package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.atWalletApproval;
import static io.connectcheckout.testing.Checkouts.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14 item 6: a failed payment says what happened, each cause in its own words, with the next
 * step: "Try again" starts a new payment in one click, and another way to pay is offered.
 */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class FailureTextsTest {

    @Test
    void aPaymentRejectedInTheWalletSaysSo() {
        Shopper shopper = atReview("vipps", "rejected." + System.nanoTime() + "@example.no");
        atWalletApproval(shopper);
        Shopper.Page failed = shopper.follow(shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=reject"));
        assertFailedBecause(failed, "The payment was rejected in Vipps");
        assertEquals(Outcome.WALLET_REJECTED, session(shopper).attempt().outcome());
        // One click to a new payment, and another way to pay on offer.
        Shopper.Page again = shopper.submit("form[action='/checkout/confirm']", Map.of(), null);
        assertThat(again.location(), containsString("/psp/pay/"));
        assertEquals(2, session(shopper).attempt().number());
    }

    /** Issue 14 item 12: the payment option is chosen once (on the offer page); "another way to pay" unfolds its choice. */
    @Test
    void theDetailsPageShowsThePaymentChosenAndAnotherWayUnfoldsIt() {
        Shopper shopper = new Shopper();
        shopper.open(io.connectcheckout.testing.Checkouts.OFFER);
        Shopper.Page details = shopper.submitAndFollow("form[action='" + io.connectcheckout.testing.Checkouts.OFFER + "']",
                Map.of("paymentOption", "vipps"), "mode=guest");
        var choice = details.document().getElementById("payment-choice");
        assertEquals(false, choice.hasAttr("open"), "folded: chosen on the offer page");
        assertThat(choice.selectFirst("summary").text(), containsString("Payment: Vipps"));
        var opened = shopper.open("/checkout/details?pay=change").document().getElementById("payment-choice");
        assertEquals(true, opened.hasAttr("open"));
    }

    @Test
    void aCardDeclinedAtFulfillmentSaysTheCardPaymentDidNotGoThrough() {
        Shopper shopper = atReview("card", "declined." + System.nanoTime() + "@example.no");
        shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        Shopper.Page hop = shopper.submit("form[action$='/card']",
                Map.of("cardNumber", "4000 0000 0000 0002", "expiry", "12/39", "cvc", "123"), null);
        while (hop.location() != null) {
            hop = shopper.get(hop.location());
        }
        assertFailedBecause(hop, "The card payment did not go through");
    }

    @Test
    void inNorwegianToo() {
        Shopper shopper = new Shopper("nb");
        shopper.open(io.connectcheckout.testing.Checkouts.OFFER);
        shopper.submitAndFollow("form[action='" + io.connectcheckout.testing.Checkouts.OFFER + "']",
                Map.of("paymentOption", "vipps"), "mode=guest");
        shopper.submitAndFollow("form[action='/checkout/details']",
                io.connectcheckout.testing.Checkouts.payer("avvist." + System.nanoTime() + "@example.no"), null);
        atWalletApproval(shopper);
        Shopper.Page failed = shopper.follow(shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=reject"));
        assertFailedBecause(failed, "Betalingen ble avvist i Vipps");
    }

    private static void assertFailedBecause(Shopper.Page page, String cause) {
        assertThat(page.url(), containsString("/checkout/failed"));
        assertThat(page.document().getElementById("failed-cause").text(), containsString(cause));
        assertEquals(1, page.document().select("a#change[href='/checkout/details?pay=change']").size());
    }
}
