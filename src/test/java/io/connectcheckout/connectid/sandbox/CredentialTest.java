package io.connectcheckout.connectid.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.connectid.sandbox.users.Credential;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Credentials are normalised so one person is one user, however they type it. */
class CredentialTest {

    @ParameterizedTest
    @CsvSource({
        "' Kari.Nordmann@Example.NO ', kari.nordmann@example.no, true",
        "+47 912 34 567, +4791234567, false",
        "004791234567, +4791234567, false",
        "912-34-567, +4791234567, false",
        "(+46) 70 123 45 67, +46701234567, false",
    })
    void normalises(String raw, String expected, boolean email) {
        Credential c = Credential.parse(raw).orElseThrow();
        assertEquals(expected, c.value());
        assertEquals(email, c.isEmail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "kari@", "@example.no", "kari@example", "12345", "+0123456789",
        "phone: 91234567", "a@b@example.no"})
    void refusesWhatIsNeitherAnEmailNorAMobileNumber(String raw) {
        assertTrue(Credential.parse(raw).isEmpty(), raw);
    }

    /**
     * E-mail addresses the mailer would refuse or must not send to, as the checkout's details form
     * refuses them (issue 13, outside attack: Assign user queued mail to an address with a NUL in it,
     * to {@code a@[127.0.0.1]} and to a domain ending in a lone surrogate).
     */
    @ParameterizedTest
    @ValueSource(strings = {"x\u0000y@example.no", "a@[127.0.0.1]", "a@b.c\ud800", "a@example.no\u0007",
        "kari@localhost", "kari@127.0.0.1", "kari <kari@example.no>", "kari@intranet"})
    void refusesAddressesTheMailerMustNotSendTo(String raw) {
        assertTrue(Credential.parse(raw).isEmpty(), raw);
    }
}
