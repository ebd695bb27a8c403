package io.connectcheckout.payment.sandbox.hostedpage;

import java.time.YearMonth;
import java.util.Map;

/**
 * The sandbox's card rules: Luhn, future expiry, CVC, and the test card numbers that decide the
 * outcome. Card numbers pass through here and are reduced to {@link #mask} at once; never stored or logged.
 */
final class TestCards {

    enum Outcome { APPROVED, DECLINED, INSUFFICIENT_FUNDS, PROCESSING_ERROR, THREE_DS }

    /** The documented test cards; any other Luhn-valid number is approved. */
    static final Map<String, Outcome> CARDS = Map.of(
            "4111111111111111", Outcome.APPROVED,
            "5555555555554444", Outcome.APPROVED,
            "4000000000000002", Outcome.DECLINED,
            "4000000000009995", Outcome.INSUFFICIENT_FUNDS,
            "4000000000000119", Outcome.PROCESSING_ERROR,
            "4000000000003220", Outcome.THREE_DS);

    private TestCards() {
    }

    static Outcome outcome(String digits) {
        return CARDS.getOrDefault(digits, Outcome.APPROVED);
    }

    /** The number without spaces or dashes, or null when anything else is in it. */
    static String digits(String input) {
        if (input == null) {
            return null;
        }
        String digits = input.replace(" ", "").replace("-", "");
        return digits.matches("[0-9]{12,19}") ? digits : null;
    }

    /** The digits in groups of four, as cards print them ({@code 4111 1111 1111 1111}). */
    static String grouped(String digits) {
        return digits.replaceAll("(.{4})(?=.)", "$1 ");
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** A month and a year separated by {@code /}, {@code -} or {@code .}, spaces allowed around it. */
    private static final java.util.regex.Pattern SEPARATED =
            java.util.regex.Pattern.compile("(\\d{1,2})\\s*[/.-]\\s*(\\d{2}|\\d{4})");
    /** Four or six digits without a separator: {@code MMYY} or {@code MMYYYY}. */
    private static final java.util.regex.Pattern RUN = java.util.regex.Pattern.compile("(\\d{2})(\\d{2}|\\d{4})");

    /**
     * The expiry as people type it (issue 14 item 11): {@code 12/29}, {@code 12 / 2029},
     * {@code 12-29}, {@code 12.29}, {@code 1229}, {@code 122029}, {@code 1/29}; two-digit years are
     * 20YY. Null when it is not a month (three digits, a month outside 1–12, anything else).
     */
    static YearMonth expiry(String input) {
        if (input == null) {
            return null;
        }
        String trimmed = input.strip();
        java.util.regex.Matcher m = SEPARATED.matcher(trimmed);
        if (!m.matches()) {
            m = RUN.matcher(trimmed);
            if (!m.matches()) {
                return null;
            }
        }
        int month = Integer.parseInt(m.group(1));
        int year = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return null;
        }
        return YearMonth.of(year < 100 ? 2000 + year : year, month);
    }

    static boolean cvc(String input) {
        return input != null && input.trim().matches("[0-9]{3,4}");
    }

    static String mask(String digits) {
        return "**** " + digits.substring(digits.length() - 4);
    }

    /** A Norwegian mobile number (8 digits starting with 4 or 9), with or without +47; normalised to E.164. */
    static String mobile(String input) {
        if (input == null) {
            return null;
        }
        String compact = input.replace(" ", "").replace("-", "");
        if (compact.startsWith("+47")) {
            compact = compact.substring(3);
        } else if (compact.startsWith("0047")) {
            compact = compact.substring(4);
        }
        return compact.matches("[49][0-9]{7}") ? "+47" + compact : null;
    }

    static String maskPhone(String e164) {
        return "+47 *** ** " + e164.substring(e164.length() - 3);
    }
}
