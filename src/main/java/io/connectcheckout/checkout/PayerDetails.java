package io.connectcheckout.checkout;

/**
 * The payer as entered (and normalised): mobile in E.164, e-mail lower-cased; whether they accepted
 * the terms, and whether they asked for digital access to start at once, within the withdrawal
 * period (CRD art. 8(8), 16(m): then a withdrawal keeps the part already had; without it, nothing).
 */
public record PayerDetails(String firstName, String lastName, String email, String mobile, String postalCode,
        String street, String city, boolean termsAccepted, boolean immediateStart) {

    /** The same details with the terms accepted and no express request for an immediate start. */
    public PayerDetails(String firstName, String lastName, String email, String mobile, String postalCode,
            String street, String city, boolean termsAccepted) {
        this(firstName, lastName, email, mobile, postalCode, street, city, termsAccepted, false);
    }
}
