package io.connectcheckout.connectid.sandbox.users;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.connectcheckout.common.EmailAddresses;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A normalised login credential, one canonical form per person: an e-mail address (trimmed, lower
 * case) or a mobile number in E.164 ({@code +4791234567}). Numbers are read with Google's
 * libphonenumber, numbers without a country code as Norwegian, so {@code +47 912 34 567},
 * {@code 0047 91234567} and {@code 912 34 567} are one credential (issue 13 item 13). Our choice:
 * a number is accepted when its length is possible for a mobile number of its country, not only
 * when libphonenumber's ranges call it valid, so the sandbox's made-up test numbers keep working.
 * E-mail addresses follow the checkout's rules ({@link EmailAddresses}): only what the mailer can
 * send to, at an internet domain, so no link or code goes to an address with a NUL in it or to
 * {@code a@[127.0.0.1]} (found by the outside attack on issue 13).
 */
public record Credential(String value, boolean isEmail) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** What people type in a phone number; libphonenumber would also dig a number out of any text. */
    private static final Pattern PHONE_TYPED = Pattern.compile("^[+0-9\\s\\-.()]+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    public static final int MAX_LENGTH = 60;

    public static Optional<Credential> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip(); // whitespace only: a control character stays and is refused
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (trimmed.contains("@")) {
            String email = trimmed.toLowerCase(Locale.ROOT);
            // The check trims what it reads; the credential kept must be what was checked (no control character at the ends).
            return email.equals(email.trim()) && EmailAddresses.standalone().isDeliverable(email)
                    ? Optional.of(new Credential(email, true)) : Optional.empty();
        }
        if (!PHONE_TYPED.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(trimmed, "NO");
            if (!PHONES.isPossibleNumberForType(number, PhoneNumberType.MOBILE)) {
                return Optional.empty();
            }
            String e164 = PHONES.format(number, PhoneNumberFormat.E164);
            return E164.matcher(e164).matches() ? Optional.of(new Credential(e164, false)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
