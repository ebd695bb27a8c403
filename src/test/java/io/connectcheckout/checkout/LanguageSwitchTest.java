package io.connectcheckout.checkout;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 8: switching language keeps the page and what was typed, also without JavaScript.
 * On the details page the switch is a pair of buttons of the details form; elsewhere its links keep
 * the address's query (the stand-in's login page answered 400 to "Norsk": the authorize request was
 * dropped).
 */
@QuarkusTest
class LanguageSwitchTest {

    @Test
    void switchingLanguageOnTheDetailsPageKeepsWhatWasTypedAndSavesNothing() {
        Shopper shopper = new Shopper();
        shopper.open(Checkouts.OFFER);
        Shopper.Page details = shopper.submitAndFollow("form[action='" + Checkouts.OFFER + "']",
                Map.of("paymentOption", "invoice"), "mode=guest");
        Element norsk = details.document().selectFirst("button[form=details-form][name=lang][value=nb]");
        assertNotNull(norsk, "the switch sends the details form");
        Map<String, String> typed = Checkouts.payer("halvveis@example.no");
        typed.put("firstName", "Åse");
        typed.put("lastName", ""); // half done: not valid yet
        Shopper.Page switched = shopper.follow(shopper.press("button[form=details-form][name=lang][value=nb]", typed));
        assertThat(switched.url(), containsString("/checkout/details"));
        assertEquals("nb", switched.document().selectFirst("html").attr("lang"));
        assertEquals("Åse", switched.document().getElementById("firstName").val());
        assertEquals("halvveis@example.no", switched.document().getElementById("email").val());
        assertEquals(0, switched.document().select("#error-summary").size(), "no errors for an unsent form");
        assertEquals(null, Checkouts.session(shopper).payer().firstName(), "nothing saved");
    }

    /**
     * Found by the outside attack of stop 23: Enter in a field pressed the form's default button,
     * its first submit button in tree order (HTML implicit submission), which was "English" in the
     * header: a Norwegian shopper was switched to English and never reached review.
     */
    @Test
    void enterInTheDetailsFormStillContinues() {
        Shopper shopper = new Shopper("nb");
        shopper.open(Checkouts.OFFER);
        Shopper.Page details = shopper.submitAndFollow("form[action='" + Checkouts.OFFER + "']",
                Map.of("paymentOption", "invoice"), "mode=guest");
        Element first = null;
        for (Element button : details.document().select("button")) {
            boolean ofTheForm = "details-form".equals(button.attr("form")) || button.closest("form#details-form") != null;
            if (ofTheForm && !"button".equals(button.attr("type")) && !"reset".equals(button.attr("type"))) {
                first = button;
                break;
            }
        }
        assertNotNull(first);
        assertEquals("", first.attr("formaction"), "the default button posts the details, not the language switch");
        assertEquals("", first.attr("name"));
        Map<String, String> payer = Checkouts.payer("enter." + System.nanoTime() + "@example.no");
        Shopper.Page review = shopper.follow(shopper.press("#" + first.id(), payer));
        assertThat(review.url(), containsString("/checkout/review"));
        assertEquals("nb", review.document().selectFirst("html").attr("lang"));
    }

    /** Found by the outside attack of stop 23: after a wrong password the switch's links lost the authorize request. */
    @Test
    void theLoginPagesSwitchKeepsTheAuthorizeRequestAfterAWrongPassword() {
        Shopper shopper = new Shopper();
        shopper.open(Checkouts.OFFER);
        Shopper.Page login = shopper.follow(shopper.submit("form[action='" + Checkouts.OFFER + "']",
                Map.of("paymentOption", "invoice"), "mode=login"));
        Shopper.Page wrong = shopper.submit("form[action='/user/oauth/authorize']",
                Map.of("credential", "kari.nordmann@example.no", "password", "not-the-password"), null);
        assertEquals(400, wrong.status());
        String norsk = wrong.document().selectFirst("nav.lang-switch a[hreflang=nb]").attr("href");
        assertThat(norsk, containsString("state="));
        Shopper.Page inNorwegian = shopper.get(norsk);
        assertEquals(200, inNorwegian.status());
        assertEquals("nb", inNorwegian.document().selectFirst("html").attr("lang"));
        assertNotNull(login);
    }

    @Test
    void theLoginPagesSwitchKeepsTheAuthorizeRequest() {
        Shopper shopper = new Shopper();
        shopper.open(Checkouts.OFFER);
        Shopper.Page login = shopper.follow(shopper.submit("form[action='" + Checkouts.OFFER + "']",
                Map.of("paymentOption", "invoice"), "mode=login"));
        assertThat(login.url(), containsString("/user/"));
        String norsk = login.document().selectFirst("nav.lang-switch a[hreflang=nb]").attr("href");
        assertThat(norsk, containsString("state="));
        Shopper.Page inNorwegian = shopper.get(norsk);
        assertEquals(200, inNorwegian.status());
        assertEquals("nb", inNorwegian.document().selectFirst("html").attr("lang"));
    }
}
