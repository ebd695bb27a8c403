package io.connectcheckout.common;

import com.google.common.net.InternetDomainName;
import io.vertx.ext.mail.mailencoder.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

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
 * ({@code xn--blbr-roah.no}, IDNA, RFC 5890), which {@link #normalise} gives.
 *
 * <p>Shared by the checkout's details form and the ConnectID stand-in (its credentials, to which it
 * sends links and codes), so both refuse the same addresses. Injected where CDI is at hand; {@link
 * #standalone()} for static parsers.
 */
@ApplicationScoped
public class EmailAddresses {

    private final Validator validator;

    public EmailAddresses(Validator validator) {
        this.validator = validator;
    }

    /**
     * The same rules for code without injection (the stand-in's static {@code Credential.parse}):
     * Hibernate Validator bootstrapped once through its public API, messages not interpolated
     * (only whether the address passes is read).
     */
    public static EmailAddresses standalone() {
        return Standalone.INSTANCE;
    }

    private static final class Standalone {
        static final EmailAddresses INSTANCE = new EmailAddresses(Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
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
