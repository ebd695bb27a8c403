package io.connectcheckout.web;

import com.google.common.net.InternetDomainName;
import io.vertx.ext.mail.mailencoder.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;

/**
 * Which e-mail addresses a shopper may give: those our mailer can send to, at an internet domain.
 * Three well-kept checks, none hand-written: Hibernate Validator's {@link Email} (the address
 * syntax of RFC 5321 §4.1.2 / RFC 5322 §3.4.1), the Vert.x mail client's own address parser (the
 * one Quarkus Mailer addresses messages with: what it refuses or reads as something else, such as
 * a display name or comment, is no address for us), and Guava's {@link InternetDomainName}
 * with the Public Suffix List (the domain is a registrable internet name, so no address
 * literal such as {@code [127.0.0.1]}, no bare IP address, no {@code localhost} or intranet host).
 */
@ApplicationScoped
public class EmailAddresses {

    private final Validator validator;

    public EmailAddresses(Validator validator) {
        this.validator = validator;
    }

    /** Holds the value Hibernate Validator checks. */
    static final class Candidate {
        @Email
        String address;
    }

    /**
     * Whether {@code address} (trimmed) is one address the mailer can deliver to.
     *
     * @param address what the shopper typed; null or blank is not deliverable
     * @return true only when all three checks above accept it
     */
    public boolean isDeliverable(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String trimmed = address.trim();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || !validator.validateValue(Candidate.class, "address", trimmed).isEmpty()) {
            return false;
        }
        return mailerReadsItAsIs(trimmed) && isInternetDomain(trimmed.substring(at + 1));
    }

    private static boolean mailerReadsItAsIs(String address) {
        try {
            EmailAddress parsed = new EmailAddress(address);
            return address.equals(parsed.getEmail()) && parsed.getName().isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isInternetDomain(String domain) {
        if (!InternetDomainName.isValid(domain)) {
            return false;
        }
        InternetDomainName name = InternetDomainName.from(domain);
        return name.isUnderPublicSuffix();
    }
}
