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
 *
 * <p>Mail servers that do not offer SMTPUTF8 (RFC 6531) refuse a non-ASCII address ({@code 553}),
 * and a refused message must never be reported as sent; so the local part must be ASCII (found by
 * the outside attack: {@code øyvind@example.no} passed and the receipt said a message was sent). An
 * internationalised domain ({@code blåbær.no}) is fine: it is sent in its ASCII form
 * ({@code xn--blbr-roa3a.no}, IDNA, RFC 5890), which {@link #normalise} gives.
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
        String ascii = asciiForm(address.trim());
        if (ascii == null || !validator.validateValue(Candidate.class, "address", ascii).isEmpty()) {
            return false;
        }
        return mailerReadsItAsIs(ascii) && isInternetDomain(ascii.substring(ascii.lastIndexOf('@') + 1));
    }

    /**
     * The address as it is stored and sent: trimmed, lower-cased, its domain in ASCII (IDNA).
     *
     * @param address an address {@link #isDeliverable} accepted
     * @throws IllegalArgumentException when it is not deliverable
     */
    public String normalise(String address) {
        if (!isDeliverable(address)) {
            throw new IllegalArgumentException("not a deliverable e-mail address");
        }
        return asciiForm(address.trim()).toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code local@domain} with an ASCII local part and the domain in IDNA ASCII form, or null. */
    private static String asciiForm(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return null;
        }
        String local = address.substring(0, at);
        if (!local.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return null;
        }
        try {
            return local + "@" + java.net.IDN.toASCII(address.substring(at + 1), java.net.IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException notADomain) {
            return null;
        }
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
