package io.connectcheckout.checkout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the checkout references that travel in return URLs, so a return from ConnectID or the
 * payment provider finds its checkout even without the cookie (app switch, another browser),
 * and a forged, tampered or expired reference is refused. The outcome is never read from the URL.
 *
 * <p>A signature is {@code <expiry in unix seconds>.<HMAC-SHA256(purpose:reference:expiry)>}: the
 * expiry travels in the link and is covered by the MAC, so nothing is stored per link. HMAC from
 * the JDK's {@link Mac}: the standard, well-kept implementation; a library would only wrap these
 * few lines.
 */
final class SignedReference {

    /** What a signature from a URL turned out to be. */
    enum Check {
        VALID,
        /** Ours, for this purpose and reference, but past its expiry. */
        EXPIRED,
        /** Not ours: wrong, missing, tampered, or for another reference or purpose. */
        FORGED
    }

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,12})\\.([A-Za-z0-9_-]{43})");

    private final SecretKeySpec key;

    SignedReference(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The signature of a reference for one purpose (a return URL cannot be reused for another), until {@code expires}. */
    String sign(String purpose, String reference, Instant expires) {
        long expiry = expires.getEpochSecond();
        return expiry + "." + mac(purpose, reference, expiry);
    }

    /** Constant-time check of a signature from a URL; the expiry only counts once the MAC is ours. */
    Check check(String purpose, String reference, String signature, Instant now) {
        if (reference == null || signature == null) {
            return Check.FORGED;
        }
        var parts = SHAPE.matcher(signature);
        if (!parts.matches()) {
            return Check.FORGED;
        }
        long expiry = Long.parseLong(parts.group(1));
        byte[] expected = mac(purpose, reference, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts.group(2).getBytes(StandardCharsets.US_ASCII))) {
            return Check.FORGED;
        }
        return now.getEpochSecond() < expiry ? Check.VALID : Check.EXPIRED;
    }

    private String mac(String purpose, String reference, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((purpose + ":" + reference + ":" + expiry).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
