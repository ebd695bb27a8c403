package io.connectcheckout.checkout;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Signs the checkout references that travel in return URLs, so a return from ConnectID or the
 * payment provider finds its checkout even without the cookie (app switch, another browser),
 * and a forged or tampered reference is refused. The outcome is never read from the URL.
 *
 * <p>HMAC-SHA256 from the JDK's {@link Mac}: the standard, well-kept implementation; a library
 * would only wrap these few lines.
 */
@ApplicationScoped
public class SignedReference {

    static final String DEV_KEY = "dev-only-signing-key-change-me-in-production";
    private static final Logger LOG = Logger.getLogger(SignedReference.class);

    private final SecretKeySpec key;

    public SignedReference(io.connectcheckout.web.CheckoutConfig config) {
        String signingKey = config.signingKey();
        boolean secure = config.web().secure();
        if (secure && DEV_KEY.equals(signingKey)) {
            LOG.warn("checkout.signing-key is the development default: set CHECKOUT_SIGNING_KEY in production");
        }
        this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The signature of a reference for one purpose (a return URL cannot be reused for another). */
    public String sign(String purpose, String reference) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((purpose + ":" + reference).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time check of a signature from a URL. */
    public boolean verify(String purpose, String reference, String signature) {
        if (reference == null || signature == null || signature.length() > 100) {
            return false;
        }
        byte[] expected = sign(purpose, reference).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
