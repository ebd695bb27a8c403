package io.connectcheckout.checkout;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 12: the mobile number the checkout knows (typed on the details page, or from the
 * logged-in shopper's ConnectID profile) is pre-filled on the payment provider's wallet page.
 */
@QuarkusTest
class WalletPrefillTest {

    @Test
    void theWalletPageKnowsTheShoppersMobile() {
        Shopper shopper = new Shopper();
        shopper.open(Checkouts.OFFER);
        shopper.submitAndFollow("form[action='" + Checkouts.OFFER + "']", Map.of("paymentOption", "vipps"), "mode=guest");
        Map<String, String> payer = Checkouts.payer("prefill." + System.nanoTime() + "@example.no");
        payer.put("mobile", "912 34 567");
        shopper.submitAndFollow("form[action='/checkout/details']", payer, null);
        Shopper.Page pay = shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(pay.url(), containsString("/psp/pay/"));
        assertEquals("+4791234567", pay.document().getElementById("mobile").val());
    }

    @Test
    void withoutAKnownMobileTheFieldIsEmpty() {
        Shopper shopper = Checkouts.atReview("vipps", "noprefill." + System.nanoTime() + "@example.no");
        Shopper.Page pay = shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertEquals("", pay.document().getElementById("mobile").val());
    }
}
