package io.connectcheckout.checkout;

/** The payer as entered (and normalised): mobile in E.164, e-mail lower-cased. */
public record PayerDetails(String firstName, String lastName, String email, String mobile, String postalCode,
        String street, String city, boolean termsAccepted) {
}
