package io.connectcheckout.connectid.sandbox.users;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A normalised login credential: an e-mail address (trimmed, lower case) or a mobile number in
 * E.164. Our choice for numbers: spaces, dashes, dots and brackets are dropped, a leading
 * {@code 00} becomes {@code +}, and a bare 8-digit number is read as Norwegian ({@code +47}).
 */
public record Credential(String value, boolean isEmail) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern NORWEGIAN = Pattern.compile("^[2-9][0-9]{7}$");

    public static final int MAX_LENGTH = 60;

    public static Optional<Credential> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (trimmed.contains("@")) {
            String email = trimmed.toLowerCase(Locale.ROOT);
            return EMAIL.matcher(email).matches() ? Optional.of(new Credential(email, true)) : Optional.empty();
        }
        String digits = trimmed.replaceAll("[\\s\\-.()]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (NORWEGIAN.matcher(digits).matches()) {
            digits = "+47" + digits;
        }
        return E164.matcher(digits).matches() ? Optional.of(new Credential(digits, false)) : Optional.empty();
    }
}
