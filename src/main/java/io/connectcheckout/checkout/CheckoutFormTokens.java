package io.connectcheckout.checkout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token every state-changing form of a checkout page carries: the checkout the page was
 * rendered for (its reference), a fingerprint of what the page showed (offer, payment option,
 * price, payer, login) and an HMAC-SHA256 of both under the checkout's own random key,
 * which never leaves the server. Only a page rendered for that checkout can carry a valid token,
 * so a form cannot be forged from outside even by a page that can set cookies (OWASP's HMAC-based
 * token, bound to the shopper's checkout). A valid token whose fingerprint is no longer the
 * checkout's, or that names another checkout of the browser, comes from an out-of-date tab.
 *
 * <p>The HMAC also covers the browser's CSRF cookie (OWASP's signed double-submit cookie, bound to
 * the session): a page that can set cookies for our host (a sibling subdomain, plain http) and
 * puts a CSRF pair of its choosing, or its own valid pair, beside the shopper's checkout token
 * breaks the token, since that token was issued for the shopper's CSRF cookie. The form that
 * starts a checkout, which has no checkout yet, carries a {@link #START_FIELD} token instead:
 * the CSRF cookie's HMAC under a random key of the application's (kept with the signing key,
 * {@link io.connectcheckout.web.SigningKeyStore}), so a CSRF value the attacker chose has none.
 */
@ApplicationScoped
public class CheckoutFormTokens {

    /** The form field that carries the token. */
    public static final String FIELD = "checkout-form";
    /** The form field of the token of the form that starts a checkout. */
    public static final String START_FIELD = "start-form";
    /** The stored key's name for start-form tokens. */
    static final String START_KEY = "checkout.start-form-key";

    private final io.connectcheckout.web.SigningKeyStore keys;
    private volatile String startKey;

    public CheckoutFormTokens(io.connectcheckout.web.SigningKeyStore keys) {
        this.keys = keys;
    }

    /**
     * The token of a form that acts on no checkout of the cookie's (starting one; withdrawing by a
     * signed link) for the browser whose CSRF cookie is {@code csrf} and whose session cookie is
     * {@code session} (null: none yet), so another browser's valid pair does not fit this one.
     */
    String issueStart(String csrf, String session) {
        return mac(startKey(), "start." + String.valueOf(csrf) + "." + (session == null ? "" : session));
    }

    /** Whether {@code token} is {@link #issueStart} of this CSRF cookie and session cookie. */
    boolean checkStart(String token, String csrf, String session) {
        return token != null && csrf != null && token.length() <= MAX_LENGTH && MessageDigest.isEqual(
                issueStart(csrf, session).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    private String startKey() {
        String key = startKey;
        if (key == null) {
            key = Base64.getUrlEncoder().withoutPadding().encodeToString(keys.key(START_KEY));
            startKey = key;
        }
        return key;
    }

    /** Longest token looked at; ours are about 90 characters. */
    private static final int MAX_LENGTH = 200;

    /** What a posted token says about the form it came with. */
    public enum Verdict {
        /** Rendered for this checkout as it is now. */
        CURRENT,
        /** Rendered by us for this browser's checkout as it was, or for another of our checkouts. */
        STALE,
        /** Missing, malformed, or not signed with the key of the checkout it names. */
        FORGED
    }

    /** The token for the forms of a page showing {@code s} as it is now, to a browser whose CSRF cookie is {@code csrf}. */
    String issue(CheckoutSession s, String csrf) {
        String claim = s.reference() + "." + fingerprint(s);
        return claim + "." + mac(s.formKey(), claim + "." + csrf);
    }

    /** Judges the token posted with a form to the checkout {@code current} by a browser whose CSRF cookie is {@code csrf}. */
    Verdict check(String token, CheckoutSession current, String csrf) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Verdict.FORGED;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("[A-Z0-9]{1,40}")) {
            return Verdict.FORGED;
        }
        String claim = parts[0] + "." + parts[1];
        boolean ours = parts[0].equals(current.reference());
        Optional<String> key = ours ? Optional.of(current.formKey()) : keyOf(parts[0]);
        if (csrf == null || key.isEmpty() || !MessageDigest.isEqual(mac(key.get(), claim + "." + csrf).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.FORGED;
        }
        return ours && parts[1].equals(fingerprint(current)) ? Verdict.CURRENT : Verdict.STALE;
    }

    private static Optional<String> keyOf(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> CheckoutSession.findByReference(reference)
                .map(CheckoutSession::formKey));
    }

    /**
     * What the shopper saw and agreed to: what is bought, how it is paid, at what price, by whom,
     * logged in or not. Any change by another tab (another offer, payment option, details, login)
     * changes it. The step is left out on purpose: a checkout that moved on (the same page's
     * confirm pressed twice, or pressed in another tab) is already sent on by each resource's step
     * guard to where it stands, and telling that shopper "nothing was changed" would be wrong.
     */
    static String fingerprint(CheckoutSession s) {
        PriceTerms terms = s.terms();
        Payer payer = s.payer();
        String shown = String.join("\n", s.publisher().slug, s.offer().slug,
                s.paymentOption() == null ? "" : s.paymentOption().code,
                terms == null ? "" : terms.amountMinor() + " " + terms.currency() + " " + terms.periodLength()
                        + " " + terms.periodType(),
                String.valueOf(payer.firstName()), String.valueOf(payer.lastName()), String.valueOf(payer.email()),
                String.valueOf(payer.mobile()), String.valueOf(payer.postalCode()), String.valueOf(payer.street()),
                String.valueOf(payer.city()), String.valueOf(payer.termsAccepted()),
                String.valueOf(payer.immediateStart()), String.valueOf(s.login().userId()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shown.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mac(String key, String claim) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(claim.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
