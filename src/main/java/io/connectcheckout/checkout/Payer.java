package io.connectcheckout.checkout;

import jakarta.persistence.Embeddable;
import java.util.Objects;

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
    /** The express request that digital access start at once, in the withdrawal period (column {@code immediate_start}). */
    private boolean immediateStart;
    /** The ConnectID customer an order of this checkout was registered for (null: none yet). */
    private Long customerNumber;

    /** The details as entered on the details page; other details are another payer, not that customer. */
    void set(PayerDetails details) {
        if (!samePerson(details)) {
            customerNumber = null;
        }
        firstName = details.firstName();
        lastName = details.lastName();
        email = details.email();
        mobile = details.mobile();
        postalCode = details.postalCode();
        street = details.street();
        city = details.city();
        termsAccepted = details.termsAccepted();
        immediateStart = details.immediateStart();
    }

    private boolean samePerson(PayerDetails d) {
        return Objects.equals(firstName, d.firstName()) && Objects.equals(lastName, d.lastName())
                && Objects.equals(email, d.email()) && Objects.equals(mobile, d.mobile())
                && Objects.equals(postalCode, d.postalCode()) && Objects.equals(street, d.street())
                && Objects.equals(city, d.city());
    }

    /** ConnectID registered an order of this checkout for {@code number}: later attempts reuse it. */
    void customerKnown(Long number) {
        if (number != null) {
            customerNumber = number;
        }
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
        return new PayerDetails(firstName, lastName, email, mobile, postalCode, street, city, termsAccepted,
                immediateStart);
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

    /** Whether the payer asked for digital access to start at once, within the withdrawal period. */
    public boolean immediateStart() {
        return immediateStart;
    }

    public boolean termsAccepted() {
        return termsAccepted;
    }

    /** The ConnectID customer an earlier order of this checkout was registered for, or null. */
    public Long customerNumber() {
        return customerNumber;
    }
}
