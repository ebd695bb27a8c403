package io.connectcheckout.payment.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 10: the payment stand-in's pages keep the identity of the merchant the payment
 * was created for (its name, colours, support address and terms) and name the wallet the shopper
 * chose, and the wallet pages do not offer test cards.
 */
@QuarkusTest
class MerchantIdentityTest {

    @Test
    void theWalletPagesShowThePublishersIdentityAndSayVipps() {
        Shopper shopper = Checkouts.atReview("vipps", "identity." + System.nanoTime() + "@example.no");
        Shopper.Page pay = shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(pay.url(), containsString("/psp/pay/"));
        assertIdentity(pay.document());
        assertThat(pay.document().selectFirst("main").text(), containsString("Pay with Vipps"));
        assertThat(pay.document().selectFirst("main").text(), not(containsString("test card")));
        Shopper.Page app = shopper.follow(shopper.submit("form[action$='/wallet']", Map.of("mobile", "912 34 567"), null));
        assertIdentity(app.document());
        assertEquals("Approve in Vipps", app.document().getElementById("approve").text());
    }

    private static void assertIdentity(Document page) {
        assertThat(page.selectFirst(".site-header").text(), containsString("Dagsavisen Demo"));
        String css = page.selectFirst("link[rel=stylesheet][href^='/psp/brand/']").attr("href");
        given().get(css).then().statusCode(200).body(containsString("--brand: #7a1f2b"));
        assertNotNull(page.selectFirst("footer a[href='mailto:kundeservice@demo.connectcheckout.io']"));
        assertNotNull(page.selectFirst("footer a[href$='/terms-demo.html']"));
    }

    /** Paid at ConnectID's fulfillment: the money goes to the publisher's own merchant, so the page shows it too. */
    @Test
    void theCardPageAtConnectIdsFulfillmentShowsThePublisher() {
        Shopper shopper = Checkouts.atReview("card", "identity.card." + System.nanoTime() + "@example.no");
        Shopper.Page pay = shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(pay.url(), containsString("/psp/pay/"));
        assertIdentity(pay.document());
        assertThat(pay.document().selectFirst("main").text(), not(containsString("ConnectID sandbox")));
        Shopper.Page hop = shopper.submit("form[action$='/card']",
                Map.of("cardNumber", "4111 1111 1111 1111", "expiry", "12/39", "cvc", "123"), null);
        while (hop.location() != null) {
            hop = shopper.get(hop.location());
        }
        assertNotNull(hop.document().getElementById("receipt"), "paid and back on the receipt: " + hop.url());
    }

    @Test
    void anUnknownMerchantHasNoStylesheet() {
        given().get("/psp/brand/no-such-merchant.css").then().statusCode(404);
    }
}
