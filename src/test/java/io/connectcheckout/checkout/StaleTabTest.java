package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.payer;
import static io.connectcheckout.testing.Checkouts.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.Shopper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 10: a form carries the checkout it was rendered for. Posted after another tab of
 * the same browser changed that checkout (or started another one), it changes nothing and answers
 * with the page as it is now and a translated "out of date" notice.
 */
@QuarkusTest
class StaleTabTest {

    private static final String WEEKEND = "/checkout/demo/print-weekend";

    /** Tab 2 of the same browser: the weekend paper walked to review. */
    private static Shopper.Page weekendToReview(Shopper browser, String option) {
        browser.open(WEEKEND);
        browser.submitAndFollow("form[action='" + WEEKEND + "']", Map.of("paymentOption", option), "mode=guest");
        Map<String, String> details = payer("tab2@example.no");
        details.put("street", "Storgata 1");
        details.put("city", "Oslo");
        Shopper.Page review = browser.submitAndFollow("form[action='/checkout/details']", details, null);
        assertThat(review.url(), containsString("/checkout/review"));
        return review;
    }

    /** The offer and payment option of the browser's checkout now (read in a transaction: both load lazily). */
    private static String[] chosen(Shopper browser) {
        Long id = session(browser).id();
        return QuarkusTransaction.requiringNew().call(() -> {
            CheckoutSession s = CheckoutSession.findById(id);
            return new String[] {s.offer().slug, s.paymentOption().code};
        });
    }

    @Test
    void confirmInATabShowingAnotherCheckoutOrdersNothing() {
        Shopper browser = Checkouts.atReview("invoice", "tab1@example.no");
        Shopper.Page tab1 = browser.page();
        assertThat(tab1.text(), containsString("299"));
        weekendToReview(browser, "invoice");

        browser.back(tab1);
        Shopper.Page answer = browser.submit("form[action='/checkout/confirm']", Map.of(), null);
        assertEquals(303, answer.status());
        CheckoutSession now = session(browser);
        assertEquals(Step.DETAILS, now.step(), "nothing was ordered");
        assertEquals(0, events(now, "attempt_started"));
        assertEquals("print-weekend", chosen(browser)[0]);

        Shopper.Page shown = browser.follow(answer);
        assertThat(shown.url(), containsString("/checkout/review"));
        assertThat(shown.text(), containsString("449"));
        assertThat(shown.text(), containsString("out of date"));
        // The page as it is now carries a current form: confirming it orders what it shows.
        Shopper.Page receipt = browser.submitAndFollow("form[action='/checkout/confirm']", Map.of(), null);
        assertThat(receipt.url(), containsString("/checkout/receipt"));
        assertEquals("print-weekend", chosen(browser)[0]);
    }

    @Test
    void confirmAfterAnotherTabChangedThePaymentOptionOrdersNothing() {
        Shopper browser = Checkouts.atReview("invoice", "option.tab1@example.no");
        Shopper.Page tab1 = browser.page();
        browser.open("/checkout/details");
        browser.submitAndFollow("form[action='/checkout/details']",
                Map.of("paymentOption", "card"), null);

        browser.back(tab1);
        Shopper.Page shown = browser.follow(browser.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(shown.url(), containsString("/checkout/review"));
        assertEquals(Step.DETAILS, session(browser).step());
        assertEquals(0, events(session(browser), "attempt_started"));
        assertThat(shown.text(), containsString("out of date"));
    }

    @Test
    void everyFormOfAnOutdatedDetailsPageChangesNothing() {
        Shopper browser = new Shopper("nb");
        browser.open(Checkouts.OFFER);
        Shopper.Page tab1 = browser.submitAndFollow("form[action='" + Checkouts.OFFER + "']",
                Map.of("paymentOption", "invoice"), "mode=guest");
        assertThat(tab1.url(), containsString("/checkout/details"));
        weekendToReview(browser, "card");
        CheckoutSession before = session(browser);

        for (String form : new String[] {"form[action='/checkout/details']", "form[action='/checkout/login']"}) {
            browser.back(tab1);
            Shopper.Page shown = browser.follow(browser.submit(form, payer("late@example.no"), null));
            assertThat(form, shown.url(), containsString("/checkout/review"));
            assertThat(shown.text(), containsString("utdatert"));
        }
        CheckoutSession after = session(browser);
        assertEquals(before.payer().email(), after.payer().email(), "the details were not overwritten");
        assertEquals("card", chosen(browser)[1]);
        assertEquals(0, LoginAttempt.count("sessionId", after.id()), "no login was begun");
        assertEquals(0, events(after, "login_started"));
    }

    @Test
    void logoutFromAnOutdatedPageChangesNothing() {
        Shopper browser = new Shopper();
        browser.open(Checkouts.OFFER);
        browser.submitAndFollow("form[action='" + Checkouts.OFFER + "']", Map.of("paymentOption", "card"),
                "mode=login");
        Shopper.Page loggedIn = browser.submitAndFollow("form[action='/user/oauth/authorize']",
                Map.of("credential", "kari.nordmann@example.no", "password", "Demo-passord-1"), null);
        assertThat(loggedIn.url(), containsString("/checkout/details"));
        weekendToReview(browser, "invoice");
        String cookie = browser.cookies().get(CurrentCheckout.COOKIE);

        browser.back(loggedIn);
        Shopper.Page shown = browser.follow(browser.submit("form[action='/checkout/logout']", Map.of(), null));
        assertEquals(cookie, browser.cookies().get(CurrentCheckout.COOKIE), "no logout: the same session");
        assertThat(shown.text(), containsString("out of date"));
        assertThat(shown.url(), containsString("/checkout/review"));
        assertThat(shown.text(), not(containsString("Logged in as")));
    }
}
