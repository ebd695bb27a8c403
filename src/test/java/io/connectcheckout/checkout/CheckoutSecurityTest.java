package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.payer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile text comes back escaped; every checkout page carries the hardening headers and no-store. */
@QuarkusTest
class CheckoutSecurityTest {

    static final String OFFER = "/checkout/demo/print-weekend";

    @Test
    void scriptsAndAttributeBreakersInEveryTextFieldComeBackEscaped() {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        shopper.submitAndFollow("form[action='" + OFFER + "']", Map.of("paymentOption", "invoice"), "mode=guest");
        Map<String, String> hostile = payer("xss@example.no");
        hostile.put("firstName", "<script>alert(1)</script>");
        hostile.put("lastName", "\"><img src=x onerror=alert(2)>");
        hostile.put("street", "javascript:alert(3)' onmouseover='alert(4)");
        hostile.put("city", "</textarea><svg onload=alert(5)>");
        Shopper.Page review = shopper.submitAndFollow("form[action='/checkout/details']", hostile, null);
        assertThat(review.url(), containsString("/checkout/review"));
        assertThat(review.body(), not(containsString("<script>alert(1)")));
        assertThat(review.body(), not(containsString("<img src=x")));
        assertThat(review.body(), not(containsString("<svg onload")));
        assertThat(review.body(), containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(0, review.document().select("script, img[onerror], svg").size());

        // The details form shows the same values back inside attributes, still inert.
        Shopper.Page details = shopper.open("/checkout/details");
        assertEquals("\"><img src=x onerror=alert(2)>", details.document().selectFirst("#lastName").attr("value"));
        assertEquals(0, details.document().select("img, script, svg").size());
    }

    @Test
    void hostileTextInAnInvalidFormIsEscapedToo() {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        shopper.submitAndFollow("form[action='" + OFFER + "']", Map.of("paymentOption", "invoice"), "mode=guest");
        Map<String, String> hostile = payer("<script>alert(6)</script>");
        Shopper.Page again = shopper.submitAndFollow("form[action='/checkout/details']", hostile, null);
        assertThat(again.url(), containsString("/checkout/details"));
        assertEquals(0, again.document().select("script").size());
        assertEquals("<script>alert(6)</script>", again.document().selectFirst("#email").attr("value"));
    }

    @Test
    void everyCheckoutPageCarriesTheHeaders() {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        assertHeaders(shopper, OFFER);
        shopper.submitAndFollow("form[action='" + OFFER + "']", Map.of("paymentOption", "invoice"), "mode=guest");
        assertHeaders(shopper, "/checkout/details");
        Map<String, String> fields = payer("headers@example.no");
        fields.put("street", "Storgata 1");
        fields.put("city", "Oslo");
        shopper.submitAndFollow("form[action='/checkout/details']", fields, null);
        assertHeaders(shopper, "/checkout/review");
        shopper.submitAndFollow("form[action='/checkout/confirm']", Map.of(), null);
        assertHeaders(shopper, "/checkout/receipt");
    }

    private static void assertHeaders(Shopper shopper, String page) {
        Response response = given().cookies(shopper.cookies()).redirects().follow(false).when().get(page);
        assertEquals(200, response.statusCode(), page);
        assertThat(page, response.header("Content-Security-Policy"), containsString("frame-ancestors 'none'"));
        assertThat(page, response.header("Content-Security-Policy"), containsString("object-src 'none'"));
        assertThat(page, response.header("Cache-Control"), containsString("no-store"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"), page);
        assertEquals("text/html;charset=UTF-8", response.header("Content-Type"), page);
    }

    @Test
    void theSessionCookieIsOpaqueHttpOnlyAndLax() {
        Shopper browser = new Shopper();
        Shopper.Page offer = browser.open(OFFER);
        String csrf = offer.document().selectFirst("input[name='csrf-token']").attr("value");
        String start = offer.document().selectFirst("input[name='" + CheckoutFormTokens.START_FIELD + "']").attr("value");
        Response started = given().cookies(browser.cookies()).redirects().follow(false)
                .formParam("csrf-token", csrf).formParam(CheckoutFormTokens.START_FIELD, start)
                .formParam("paymentOption", "invoice").formParam("mode", "guest")
                .when().post(OFFER);
        assertEquals(303, started.statusCode());
        String setCookie = started.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(CurrentCheckout.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie, containsString("HttpOnly"));
        assertThat(setCookie, containsString("SameSite=Lax"));
        assertThat(setCookie, containsString("Path=/"));
        String value = started.getCookie(CurrentCheckout.COOKIE);
        assertTrue(value.matches("[A-Za-z0-9_-]{43}"), "256 random bits, base64url: " + value);
        // A token from another browser's page does not match this browser's CSRF cookie.
        String foreign = new Shopper().open(OFFER).document().selectFirst("input[name='csrf-token']").attr("value");
        given().cookies(browser.cookies()).redirects().follow(false)
                .formParam("csrf-token", foreign).formParam("paymentOption", "invoice").formParam("mode", "guest")
                .when().post(OFFER).then().statusCode(400);
    }
}
