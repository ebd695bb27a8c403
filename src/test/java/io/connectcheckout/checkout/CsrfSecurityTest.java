package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.session;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, items 1 and 2: every cookie-authenticated state change needs the form token of the
 * shopper's own checkout, whatever the body's type and whoever set the cookies; cross-site posts
 * are refused; a refused form answers a translated page with a way back.
 */
@QuarkusTest
class CsrfSecurityTest {

    private static final String CSRF = "csrf-token";
    private static final String[] CHECKOUT_POSTS = {"/checkout/confirm", "/checkout/login", "/checkout/logout"};

    /** The three bodies a cross-site page can send without a preflight: none, text/plain, and JSON. */
    private static List<RequestSpecification> bodiesWithoutToken(String sessionCookie) {
        return List.of(
                bare(sessionCookie),
                bare(sessionCookie).contentType("text/plain").body("x=y"),
                bare(sessionCookie).contentType("application/json").body("{}"));
    }

    private static RequestSpecification bare(String sessionCookie) {
        return given().redirects().follow(false).cookie(CurrentCheckout.COOKIE, sessionCookie);
    }

    private static void assertUnchanged(Shopper shopper) {
        CheckoutSession s = session(shopper); // the cookie still holds the checkout: no logout
        assertEquals(Step.DETAILS, s.step(), "nothing was ordered");
        assertEquals(0, events(s, "attempt_started"));
        assertEquals(0, events(s, "login_started"));
        assertEquals(0, LoginAttempt.count("sessionId", s.id()), "no login was begun");
    }

    @Test
    void postsWithoutABodyOrWithPlainTextOrJsonAreRefusedAndChangeNothing() {
        Shopper shopper = Checkouts.atReview("invoice", "no.form@example.no");
        String cookie = shopper.cookies().get(CurrentCheckout.COOKIE);
        for (String path : CHECKOUT_POSTS) {
            for (RequestSpecification request : bodiesWithoutToken(cookie)) {
                int status = request.post(path).statusCode();
                assertTrue(status >= 400 && status < 500, path + " answered " + status);
            }
            // With a valid CSRF pair of this browser, but not as a form: still refused.
            int status = bare(cookie).cookie(CSRF, shopper.cookies().get(CSRF)).contentType("text/plain")
                    .body(CSRF + "=" + shopper.page().form("form[action='/checkout/confirm']")
                            .selectFirst("input[name=" + CSRF + "]").attr("value"))
                    .post(path).statusCode();
            assertTrue(status >= 400 && status < 500, path + " as text/plain with the token answered " + status);
        }
        assertUnchanged(shopper);
    }

    @Test
    void theOfferAndDetailsFormsAlsoRefuseOtherBodies() {
        Shopper shopper = Checkouts.atReview("invoice", "other.bodies@example.no");
        String cookie = shopper.cookies().get(CurrentCheckout.COOKIE);
        for (RequestSpecification request : bodiesWithoutToken(cookie)) {
            int status = request.post("/checkout/details").statusCode();
            assertTrue(status >= 400 && status < 500, "details answered " + status);
        }
        for (RequestSpecification request : bodiesWithoutToken(cookie)) {
            Response start = request.post(Checkouts.OFFER);
            assertTrue(start.statusCode() >= 400 && start.statusCode() < 500, "start answered " + start.statusCode());
            assertNull(start.getCookie(CurrentCheckout.COOKIE), "no new checkout");
        }
        assertUnchanged(shopper);
    }

    @Test
    void aTokenChosenByTheAttackerInCookieAndFieldIsRefused() {
        Shopper shopper = Checkouts.atReview("invoice", "tossed.cookie@example.no");
        String cookie = shopper.cookies().get(CurrentCheckout.COOKIE);
        String chosen = "QUFBQUFBQUFBQUFBQUFBQQ"; // 16 bytes, the size of a real token
        for (String path : CHECKOUT_POSTS) {
            int status = bare(cookie).cookie(CSRF, chosen).formParam(CSRF, chosen).post(path).statusCode();
            assertTrue(status >= 400 && status < 500, path + " answered " + status);
        }
        // The checkout's own token with another signature (the reference and fingerprint are not secret).
        String real = shopper.page().form("form[action='/checkout/confirm']")
                .selectFirst("input[name=" + CheckoutFormTokens.FIELD + "]").attr("value");
        String tampered = real.substring(0, real.lastIndexOf('.') + 1) + "A".repeat(43);
        for (String path : CHECKOUT_POSTS) {
            int status = bare(cookie).cookie(CSRF, chosen).formParam(CSRF, chosen)
                    .formParam(CheckoutFormTokens.FIELD, tampered).post(path).statusCode();
            assertEquals(403, status, path + " with a tampered checkout token");
        }
        assertUnchanged(shopper);
    }

    /**
     * Found by the outside attack of stop 23: a CSRF pair of the attacker's choosing, tossed into the
     * shopper's browser, passed beside the shopper's own checkout token (the details were changed),
     * and started a checkout from an offer page. The checkout token is bound to the CSRF cookie it
     * was issued for, and the start form needs a token of the application's for that cookie.
     */
    @Test
    void aChosenPairBesideTheShoppersOwnCheckoutTokenOrOnTheStartFormIsRefused() {
        Shopper shopper = Checkouts.atReview("invoice", "tossed.pair@example.no");
        String cookie = shopper.cookies().get(CurrentCheckout.COOKIE);
        String chosen = "QUFBQUFBQUFBQUFBQUFBQQ";
        String own = shopper.page().form("form[action='/checkout/confirm']")
                .selectFirst("input[name=" + CheckoutFormTokens.FIELD + "]").attr("value");
        for (String path : CHECKOUT_POSTS) {
            int status = bare(cookie).cookie(CSRF, chosen).formParam(CSRF, chosen)
                    .formParam(CheckoutFormTokens.FIELD, own).post(path).statusCode();
            assertEquals(403, status, path + " with a chosen pair beside the shopper's checkout token");
        }
        java.util.Map<String, String> evil = Checkouts.payer("evil@example.no");
        evil.put("firstName", "Evil");
        int details = bare(cookie).cookie(CSRF, chosen).formParam(CSRF, chosen).formParam(CheckoutFormTokens.FIELD, own)
                .formParams(evil).post("/checkout/details").statusCode();
        assertEquals(403, details);
        assertUnchanged(shopper);
        assertEquals("Ola", session(shopper).payer().firstName());

        // The start form: a chosen pair, with no start token or with the attacker's own (issued for their cookie).
        Shopper attacker = new Shopper();
        Shopper.Page offer = attacker.open(Checkouts.OFFER);
        String attackersStart = offer.form("form[action='" + Checkouts.OFFER + "']")
                .selectFirst("input[name=" + CheckoutFormTokens.START_FIELD + "]").attr("value");
        for (String start : new String[] {null, attackersStart}) {
            RequestSpecification post = given().redirects().follow(false).cookie(CSRF, chosen).formParam(CSRF, chosen)
                    .formParam("paymentOption", "invoice").formParam("mode", "guest");
            if (start != null) {
                post.formParam(CheckoutFormTokens.START_FIELD, start);
            }
            io.restassured.response.Response answer = post.post(Checkouts.OFFER);
            assertEquals(403, answer.statusCode(), "start with a chosen pair and start token " + start);
            assertNull(answer.getCookie(CurrentCheckout.COOKIE), "no checkout started");
        }
        // Found by the outside attack of stop 23: another browser's valid pair (cookie and start token)
        // started a checkout in a browser that had one, replacing it. Now nothing starts there.
        String attackersCsrf = attacker.cookies().get(CSRF);
        io.restassured.response.Response replaced = given().redirects().follow(false)
                .cookie(CurrentCheckout.COOKIE, cookie).cookie(CSRF, attackersCsrf)
                .formParam(CSRF, offer.form("form[action='" + Checkouts.OFFER + "']").selectFirst("input[name=" + CSRF + "]").attr("value"))
                .formParam(CheckoutFormTokens.START_FIELD, attackersStart)
                .formParam("paymentOption", "invoice").formParam("mode", "guest").post(Checkouts.OFFER);
        assertTrue(replaced.statusCode() == 403 || replaced.statusCode() == 303 && replaced.header("Location").contains("stale=1"),
                "another browser's start pair: " + replaced.statusCode() + " " + replaced.header("Location"));
        assertNull(replaced.getCookie(CurrentCheckout.COOKIE), "the shopper's checkout is not replaced");
        assertUnchanged(shopper);
        // The attacker's own complete start form in their own browser still works (it is just a shopper).
        assertThat(attacker.submit("form[action='" + Checkouts.OFFER + "']", java.util.Map.of("paymentOption", "invoice"),
                "mode=guest").location(), containsString("/checkout/details"));
    }

    @Test
    void theAttackersOwnValidPairIsRefusedOnTheShoppersCheckout() {
        Shopper shopper = Checkouts.atReview("invoice", "victim@example.no");
        Shopper attacker = Checkouts.atReview("invoice", "attacker@example.no");
        String attackerToken = attacker.page().form("form[action='/checkout/confirm']")
                .selectFirst("input[name=" + CSRF + "]").attr("value");
        String cookie = shopper.cookies().get(CurrentCheckout.COOKIE);
        for (String path : CHECKOUT_POSTS) {
            int status = bare(cookie).cookie(CSRF, attacker.cookies().get(CSRF)).formParam(CSRF, attackerToken)
                    .post(path).statusCode();
            assertTrue(status >= 400 && status < 500, path + " answered " + status);
        }
        assertUnchanged(shopper);

        // Even the attacker's whole confirm form (every hidden field of their own checkout) orders nothing here.
        RequestSpecification whole = bare(cookie).cookie(CSRF, attacker.cookies().get(CSRF));
        attacker.page().form("form[action='/checkout/confirm']").select("input[type=hidden]")
                .forEach(input -> whole.formParam(input.attr("name"), input.attr("value")));
        int status = whole.post("/checkout/confirm").statusCode();
        assertTrue(status == 303 || (status >= 400 && status < 500), "answered " + status);
        assertUnchanged(shopper);
        assertEquals(Step.DETAILS, session(attacker).step());
    }

    @Test
    void crossSiteOriginsAndFetchSitesAreRefused() {
        Shopper shopper = Checkouts.atReview("invoice", "cross.site@example.no");
        String[][] headers = {{"Origin", "http://evil.example"}, {"Origin", "null"},
                {"Origin", "http://localhost.evil.example"}, {"Sec-Fetch-Site", "cross-site"},
                {"Sec-Fetch-Site", "same-site"}};
        for (String[] header : headers) {
            Response answer = whole(shopper, "form[action='/checkout/confirm']").header(header[0], header[1])
                    .post("/checkout/confirm");
            assertEquals(403, answer.statusCode(), header[0] + ": " + header[1]);
            assertThat(answer.contentType(), containsString("text/html"));
        }
        assertUnchanged(shopper);

        // Our own origin, and a same-origin fetch, are fine: the order goes through.
        Response ours = whole(shopper, "form[action='/checkout/confirm']")
                .header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .header("Sec-Fetch-Site", "same-origin").post("/checkout/confirm");
        assertEquals(303, ours.statusCode());
        assertEquals(1, events(session(shopper), "attempt_started"));
    }

    /** A form of the shopper's current page with every hidden field and cookie, as their browser posts it. */
    private static RequestSpecification whole(Shopper shopper, String form) {
        RequestSpecification spec = given().redirects().follow(false).cookies(shopper.cookies());
        shopper.page().form(form).select("input[type=hidden]")
                .forEach(input -> spec.formParam(input.attr("name"), input.attr("value")));
        return spec;
    }

    @Test
    void theCsrfCookieIsSameSiteLax() {
        String setCookie = given().get(Checkouts.OFFER).getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(CSRF + "=")).findFirst().orElseThrow();
        assertThat(setCookie, containsString("SameSite=Lax"));
        assertThat(setCookie, containsStringIgnoringCase("HttpOnly"));
    }

    @Test
    void theStandInsPagesRefuseOtherBodiesToo() {
        for (String path : new String[] {"/user/oauth/authorize", "/user/oauth/authorize/code",
                "/user/link/some-token", "/psp/pay/some-payment/card"}) {
            int status = given().redirects().follow(false).contentType("text/plain").body("x=y").post(path)
                    .statusCode();
            assertTrue(status >= 400 && status < 500, path + " answered " + status);
        }
    }

    @Test
    void aRefusedTokenAnswersATranslatedPageWithAWayBack() {
        for (String language : new String[] {"en", "nb"}) {
            List<LogRecord> errors = new ArrayList<>();
            Handler handler = collectErrors(errors);
            try {
                Shopper shopper = new Shopper(language);
                Shopper.Page first = shopper.open(Checkouts.OFFER);
                shopper.cookies().clear();
                shopper.open("/checkout/demo/print-weekend");
                shopper.back(first);
                Shopper.Page refused = shopper.submit("form[action='" + Checkouts.OFFER + "']",
                        Map.of("paymentOption", "invoice"), "mode=guest");
                assertTrue(refused.status() == 400 || refused.status() == 403, "status " + refused.status());
                Document page = Jsoup.parse(refused.body());
                assertNotNull(page.selectFirst("h1"), refused.body());
                assertEquals(language, page.selectFirst("html").attr("lang"));
                assertThat(page.selectFirst("h1").text(),
                        containsString(language.equals("nb") ? "Skjemaet" : "form"));
                assertNotNull(page.selectFirst("a#back[href='" + Checkouts.OFFER + "']"), refused.body());
                // The way back works: a fresh form that starts the checkout.
                Shopper.Page again = shopper.open(Checkouts.OFFER);
                Shopper.Page details = shopper.submitAndFollow("form[action='" + Checkouts.OFFER + "']",
                        Map.of("paymentOption", "invoice"), "mode=guest");
                assertThat(again.url() + " -> " + details.url(), containsString("/checkout/details"));
            } finally {
                Logger.getLogger("").removeHandler(handler);
            }
            assertEquals(List.of(), errors.stream().map(LogRecord::getMessage).toList(), "no ERROR in the log");
        }
    }

    private static Handler collectErrors(List<LogRecord> into) {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    synchronized (into) {
                        into.add(record);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(handler);
        return handler;
    }
}
