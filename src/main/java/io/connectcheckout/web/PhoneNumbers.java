package io.connectcheckout.web;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Mobile numbers in E.164 ({@code +4791234567}), parsed with Google's libphonenumber. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * Normalises what a shopper typed ({@code 912 34 567}, {@code 0047 912 34 567},
     * {@code +47 91234567}) to E.164, reading numbers without a country code as Norwegian.
     * Empty when the input is not a valid, dialable number.
     */
    public static Optional<String> toE164(String input) {
        if (input == null || input.isBlank() || input.length() > 30) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(input.trim(), "NO");
            // An extension cannot receive a text message, and E.164 has none: refused, not dropped.
            if (!UTIL.isValidNumber(number) || number.hasExtension()) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a valid number (as {@link #toE164} accepts it) can receive an SMS: its type in
     * libphonenumber's metadata is {@code MOBILE}, or {@code FIXED_LINE_OR_MOBILE} where a numbering
     * plan does not tell them apart (e.g. the US). A landline, freephone, premium-rate, shared-cost,
     * VoIP or pager number cannot.
     */
    public static boolean canReceiveSms(String e164) {
        try {
            PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(UTIL.parse(e164, "NO"));
            return type == PhoneNumberUtil.PhoneNumberType.MOBILE
                    || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
        } catch (NumberParseException e) {
            return false;
        }
    }
}
