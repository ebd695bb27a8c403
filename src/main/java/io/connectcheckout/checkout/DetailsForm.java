package io.connectcheckout.checkout;

import io.connectcheckout.common.EmailAddresses;
import io.connectcheckout.web.PhoneNumbers;
import jakarta.ws.rs.FormParam;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The payer-details form as posted, and its validation: field-level, translated, in the order
 * the fields appear (the error summary lists them in that order).
 */
public class DetailsForm {

    private static final Pattern POSTAL_CODE = Pattern.compile("^[0-9]{4}$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]");
    /**
     * A zero-width non-joiner or joiner (U+200C, U+200D) between two letters (the first may end in
     * combining marks): part of how Persian, Arabic and Indic names are spelled (Unicode's
     * joiner rules, UAX #31 §2.3), not an invisible trick. Anywhere else it stays refused, as do
     * bidi overrides and isolates.
     */
    private static final Pattern JOINER_BETWEEN_LETTERS = Pattern.compile("(?<=[\\p{L}\\p{M}])[\\u200C\\u200D](?=\\p{L})");

    @FormParam("firstName")
    public String firstName;
    @FormParam("lastName")
    public String lastName;
    @FormParam("email")
    public String email;
    @FormParam("mobile")
    public String mobile;
    @FormParam("postalCode")
    public String postalCode;
    @FormParam("street")
    public String street;
    @FormParam("city")
    public String city;
    @FormParam("terms")
    public String terms;
    @FormParam("paymentOption")
    public String paymentOption;
    /** The express request to start digital access at once (offers without delivery only). */
    @FormParam("immediateStart")
    public String immediateStart;

    /**
     * Field name → translated message; empty when the form is valid.
     *
     * @param emails which addresses the mailer can deliver to (an e-mail it would refuse is a field error here,
     *        never a receipt that claims a message was sent)
     */
    public Map<String, String> validate(CheckoutMessages msg, boolean needsDelivery, EmailAddresses emails) {
        Map<String, String> errors = new LinkedHashMap<>();
        text(errors, msg, "firstName", msg.details_first_name(), firstName, 60, true);
        text(errors, msg, "lastName", msg.details_last_name(), lastName, 60, true);
        boolean hasEmail = !blank(email);
        boolean hasMobile = !blank(mobile);
        if (!hasEmail && !hasMobile) {
            errors.put("email", msg.error_contact_needed());
        }
        if (hasEmail && text(errors, msg, "email", msg.details_email(), email, 120, false) && !emails.isDeliverable(email)) {
            errors.put("email", msg.error_email());
        }
        if (hasMobile && text(errors, msg, "mobile", msg.details_mobile(), mobile, 30, false)) {
            Optional<String> e164 = PhoneNumbers.toE164(mobile);
            if (e164.isEmpty()) {
                errors.put("mobile", msg.error_mobile());
            } else if (!PhoneNumbers.canReceiveSms(e164.get())) {
                // The set-password or login link of a guest's account goes to this number by SMS.
                errors.put("mobile", msg.error_mobile_not_sms());
            }
        }
        if (text(errors, msg, "postalCode", msg.details_postal_code(), postalCode, 10, true)
                && !POSTAL_CODE.matcher(postalCode.trim()).matches()) {
            errors.put("postalCode", msg.error_postal_code());
        }
        if (needsDelivery) {
            text(errors, msg, "street", msg.details_street(), street, 120, true);
            text(errors, msg, "city", msg.details_city(), city, 60, true);
        }
        if (!"on".equals(terms) && !"true".equals(terms)) {
            errors.put("terms", msg.error_terms());
        }
        return errors;
    }

    /** The validated details, normalised: trimmed, e-mail lower-cased with its domain in ASCII, mobile in E.164. */
    public PayerDetails toDetails(boolean needsDelivery, EmailAddresses emails) {
        return new PayerDetails(trim(firstName), trim(lastName),
                blank(email) ? null : emails.normalise(email),
                blank(mobile) ? null : PhoneNumbers.toE164(mobile).orElseThrow(),
                trim(postalCode), needsDelivery ? trim(street) : null, needsDelivery ? trim(city) : null, true,
                !needsDelivery && ("on".equals(immediateStart) || "true".equals(immediateStart)));
    }

    /** Checks presence, length and control characters; true when the value may be checked further. */
    private static boolean text(Map<String, String> errors, CheckoutMessages msg, String field, String label,
            String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                errors.put(field, msg.error_required(label));
            }
            return false;
        }
        if (value.trim().length() > max) {
            errors.put(field, msg.error_too_long(label, max));
            return false;
        }
        if (CONTROL.matcher(JOINER_BETWEEN_LETTERS.matcher(value).replaceAll("")).find()) {
            errors.put(field, msg.error_invalid_characters(label));
            return false;
        }
        return true;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }
}
