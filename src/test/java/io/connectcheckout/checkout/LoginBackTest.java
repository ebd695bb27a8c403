package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.OFFER;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.query;
import static io.connectcheckout.testing.Checkouts.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tabs and Back around the ConnectID login: every login begun keeps its own state until used once,
 * none spoils another, a state replayed by Back shows the checkout as it is, and a state that is
 * not this checkout's is refused with a translated page.
 */
@QuarkusTest
class LoginBackTest {

    private static final Map<String, String> KARI = Map.of("credential", "kari.nordmann@example.no",
            "password", "Demo-passord-1");
    private static final String LOGIN_FORM = "form[action='/user/oauth/authorize']";

    @Test
    void backAfterLoggingInLandsOnTheDetailsStillLoggedIn() {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        Shopper.Page loginPage = shopper.submitAndFollow("form[action='" + OFFER + "']",
                Map.of("paymentOption", "card"), "mode=login");
        assertThat(loginPage.url(), containsString("/user/oauth/authorize"));
        Shopper.Page details = shopper.submitAndFollow(LOGIN_FORM, KARI, null);
        assertThat(details.text(), containsString("Logged in as kari.nordmann@example.no"));
        String cookieAfterLogin = shopper.cookies().get(CurrentCheckout.COOKIE);

        // Back: the browser asks for the authorize URL again; the login server, which remembers the
        // shopper, answers at once with a new code and the old state.
        Shopper.Page back = shopper.open(loginPage.url());

        assertEquals(200, back.status());
        assertThat(back.url(), containsString("/checkout/details"));
        assertThat(back.text(), containsString("Logged in as kari.nordmann@example.no"));
        assertEquals(cookieAfterLogin, shopper.cookies().get(CurrentCheckout.COOKIE), "nothing changed");
        CheckoutSession s = session(shopper);
        assertNotNull(s.login().accessToken());
        assertEquals(1, events(s, "logged_in"));
    }

    @Test
    void twoLoginsBegunInTwoTabsBothComplete() {
        Shopper browser = guestOnTheDetails("card");
        Shopper.Page details = browser.page();
        String first = browser.submit("form[action='/checkout/login']", Map.of(), null).location();
        browser.back(details);
        String second = browser.submit("form[action='/checkout/login']", Map.of(), null).location();
        Shopper.Page firstTab = browser.open(first);
        Shopper.Page secondTab = browser.open(second);

        // The login begun first completes first, then the other one: neither spoiled the other.
        browser.back(firstTab);
        Shopper.Page afterFirst = browser.submitAndFollow(LOGIN_FORM, KARI, null);
        assertThat(afterFirst.url(), containsString("/checkout/details"));
        assertThat(afterFirst.text(), containsString("Logged in as kari.nordmann@example.no"));
        browser.back(secondTab);
        Shopper.Page afterSecond = browser.submitAndFollow(LOGIN_FORM, KARI, null);
        assertThat(afterSecond.url(), containsString("/checkout/details"));
        assertThat(afterSecond.text(), containsString("Logged in as kari.nordmann@example.no"));
        assertEquals(2, events(session(browser), "logged_in"));

        // Either one replayed now (Back twice) shows the details as they are.
        Shopper.Page replay = browser.open(first);
        assertThat(replay.url(), containsString("/checkout/details"));
        assertEquals(2, events(session(browser), "logged_in"));
    }

    @Test
    void aStateOfAnotherCheckoutIsRefusedWithAPageAndSpoilsNothing() {
        Shopper owner = guestOnTheDetails("invoice");
        URI authorize = URI.create(owner.submit("form[action='/checkout/login']", Map.of(), null).location());
        String ownersState = query(authorize, "state");

        for (String language : new String[] {"en", "nb"}) {
            Shopper stranger = new Shopper(language);
            stranger.open(OFFER);
            stranger.submitAndFollow("form[action='" + OFFER + "']", Map.of("paymentOption", "invoice"), "mode=guest");
            Shopper.Page refused = stranger.get("/checkout/auth/callback?code=some-code&state=" + ownersState);
            assertEquals(403, refused.status());
            assertThat(refused.text(), containsString(language.equals("en")
                    ? "This login could not be used" : "Innloggingen kunne ikke brukes"));
            assertNotNull(refused.document().selectFirst("a#back-to-checkout"));
            assertNull(session(stranger).login().accessToken());
        }
        Shopper.Page unknown = owner.get("/checkout/auth/callback?code=some-code&state=not-a-state-we-gave");
        assertEquals(403, unknown.status());
        assertThat(unknown.text(), containsString("This login could not be used"));

        // The owner's own login still works.
        owner.open(authorize.toString());
        Shopper.Page details = owner.submitAndFollow(LOGIN_FORM, KARI, null);
        assertThat(details.text(), containsString("Logged in as kari.nordmann@example.no"));
    }

    private static Shopper guestOnTheDetails(String option) {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        Shopper.Page details = shopper.submitAndFollow("form[action='" + OFFER + "']", Map.of("paymentOption", option),
                "mode=guest");
        assertThat(details.url(), containsString("/checkout/details"));
        return shopper;
    }
}
