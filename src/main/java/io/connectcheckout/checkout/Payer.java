package io.connectcheckout.checkout;

import jakarta.persistence.Embeddable;

/**
 * The payer as the checkout keeps them ({@code checkout_session} columns): what the shopper
 * entered, normalised (mobile in E.164, e-mail lower-cased), or prefilled from their ConnectID
 * profile. Any field may be null until the details are saved.
 */
@Embeddable
public class Payer {

    private String firstName;
    private String lastName;
    private String email;
    private String mobile;
    private String postalCode;
    private String street;
    private String city;
    private boolean termsAccepted;

    /** The details as entered on the details page. */
    void set(PayerDetails details) {
        firstName = details.firstName();
        lastName = details.lastName();
        email = details.email();
        mobile = details.mobile();
        postalCode = details.postalCode();
        street = details.street();
        city = details.city();
        termsAccepted = details.termsAccepted();
    }

    /** Fills the fields still empty from the shopper's ConnectID profile (never overwrites what they typed). */
    void prefill(io.connectcheckout.connectid.client.Profile p) {
        firstName = firstName != null ? firstName : p.firstName();
        lastName = lastName != null ? lastName : p.lastName();
        email = email != null ? email : p.email();
        mobile = mobile != null ? mobile : p.mobile();
        postalCode = postalCode != null ? postalCode : p.postalCode();
        street = street != null ? street : p.street();
        city = city != null ? city : p.city();
    }

    /** The same values as a record, for forms and orders. */
    public PayerDetails details() {
        return new PayerDetails(firstName, lastName, email, mobile, postalCode, street, city, termsAccepted);
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String email() {
        return email;
    }

    public String mobile() {
        return mobile;
    }

    public String postalCode() {
        return postalCode;
    }

    public String street() {
        return street;
    }

    public String city() {
        return city;
    }

    public boolean termsAccepted() {
        return termsAccepted;
    }
}
