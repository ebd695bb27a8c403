package io.connectcheckout.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectcheckout.common.EmailAddresses;
import jakarta.validation.Validation;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The details form's rules for what real people and real providers send, without Quarkus: the
 * messages are stood in for by their key, so a test names the rule that fired (issue 12, items
 * 13 and 14).
 */
class DetailsFormTest {

    /** Every message is its own key. */
    private static final CheckoutMessages KEYS = (CheckoutMessages) Proxy.newProxyInstance(
            CheckoutMessages.class.getClassLoader(), new Class<?>[] {CheckoutMessages.class},
            (proxy, method, args) -> method.getName());

    /** The address rules with Hibernate Validator bootstrapped as Quarkus would inject it. */
    private static final EmailAddresses EMAILS = new EmailAddresses(Validation.byDefaultProvider().configure()
            .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator());

    private static Map<String, String> errors(String lastName, String mobile) {
        return errors(lastName, "kari@example.no", mobile);
    }

    private static Map<String, String> errors(String lastName, String email, String mobile) {
        DetailsForm form = new DetailsForm();
        form.firstName = "Kari";
        form.lastName = lastName;
        form.email = email;
        form.mobile = mobile;
        form.postalCode = "0150";
        form.terms = "on";
        return form.validate(KEYS, false, EMAILS);
    }

    /** Addresses people have: dots, plus tags, Norwegian letters in the local part or the domain, sub-domains. */
    @ParameterizedTest
    @ValueSource(strings = {"kari.nordmann@example.no", "kari+avis@example.no", "KARI@Example.NO",
        "kari@blåbær.no", "post@mail.avis.co.uk", "  kari@example.no  "})
    void deliverableAddressesAreAccepted(String email) {
        assertNull(errors("Nordmann", email, null).get("email"), email);
    }

    /** An internationalised domain is kept in the ASCII form mail servers take (IDNA). */
    @org.junit.jupiter.api.Test
    void anInternationalisedDomainIsStoredInItsAsciiForm() {
        assertEquals("kari@xn--blbr-roah.no", EMAILS.normalise(" Kari@Blåbær.no "));
    }

    /**
     * What a mailer would refuse or must not be sent to (issue 12, found by the outside attack: the
     * receipt claimed a message was sent): quoting and markup, several addresses, comments and
     * display names, address literals and hosts that are not internet domains, broken dots.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a@example.org'<\">y", "x@[127.0.0.1]", "x@[IPv6:::1]", "x@127.0.0.1", "x@localhost",
        "x@intranet", "\"a b\"@example.org", "a@example.org,b@example.org", "a@example.org (c)",
        "Kari <kari@example.no>", "a..b@example.org", ".a@example.org", "a@b@example.org", "a@example.org.",
        "a@-example.org", "a@example.invalid-tld",
        // Found by the outside attack: a server without SMTPUTF8 refuses a non-ASCII local part (553).
        "øyvind@example.no", "æøå@example.no"})
    void undeliverableAddressesAreAFieldError(String email) {
        assertEquals("error_email", errors("Nordmann", email, null).get("email"), email);
    }

    /** Names as people write them: joiners between letters (Persian, Indic scripts), combining marks, apostrophes, hyphens. */
    @ParameterizedTest
    @ValueSource(strings = {
        "شاه\u200Cمحمدی", // ZWNJ between letters (Persian)
        "क्\u200Dष", // ZWJ after a combining virama (Devanagari)
        "Zoe\u0308", // e + combining diaeresis
        "O'Brien", "O\u2019Brien", "Jean-Luc", "Nordmann Hansen"})
    void namesAsPeopleWriteThemAreAccepted(String name) {
        assertNull(errors(name, null).get("lastName"), name);
    }

    /** What only hides or reorders text: bidi overrides and isolates, a joiner not between letters, control characters. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Nord\u202Emann", "\u2067Nordmann", "Nord\u200Fmann", // RLO, RLI, RLM
        "\u200CNordmann", "Nordmann\u200D", "Nord \u200Cmann", // a joiner at the start, the end, after a space
        "Nord\u0007mann", "Nord\u0000mann", "Nord\u00ADmann", "Nord\uFEFFmann"})
    void invisibleAndControlCharactersAreRefused(String name) {
        assertEquals("error_invalid_characters", errors(name, null).get("lastName"), name);
    }

    /** Numbers that can take the set-password SMS, as E.164 or as Norwegians type them. */
    @ParameterizedTest
    @ValueSource(strings = {"412 34 567", "+47 912 34 567", "0047 91234567", "+46 70 123 45 67"})
    void mobileNumbersAreAccepted(String mobile) {
        assertFalse(errors("Nordmann", mobile).containsKey("mobile"), mobile);
    }

    /** Valid numbers that cannot receive an SMS: a landline, freephone, premium rate, shared cost. */
    @ParameterizedTest
    @ValueSource(strings = {"22 12 34 56", "80012345", "82012345", "81012345", "+46 8 123 456 78"})
    void numbersThatCannotReceiveAnSmsAreAFieldError(String mobile) {
        assertEquals("error_mobile_not_sms", errors("Nordmann", mobile).get("mobile"), mobile);
    }

    /** Found by the outside attack of stop 23: an extension was dropped and the rest kept. An SMS reaches no extension. */
    @ParameterizedTest
    @ValueSource(strings = {"+47 91234567 ext 2", "912 34 567 ext. 12", "+47 912 34 567 x3", "91234567;ext=5"})
    void aNumberWithAnExtensionIsRefused(String mobile) {
        assertTrue(errors("Nordmann", mobile).containsKey("mobile"), mobile);
    }
}
