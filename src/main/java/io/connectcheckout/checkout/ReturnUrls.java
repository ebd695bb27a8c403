package io.connectcheckout.checkout;

import io.connectcheckout.web.CheckoutConfig;
import io.connectcheckout.web.SigningKeyStore;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The addresses the checkout hands out: where ConnectID and the payment provider send the browser
 * back, where callbacks go, and the receipt link. Each carries the checkout's public reference
 * signed for one purpose ({@link SignedReference}), so a return works without the cookie; the
 * outcome itself is always read server to server. Every signed link expires
 * ({@code checkout.signed-links.*}). Absolute URLs are built from {@code checkout.public-url},
 * never from the request. The key is {@code checkout.signing-key} when set, else one generated at
 * the first start and kept in the database ({@link SigningKeyStore}); there is no default key.
 * Created at start-up, so a database that cannot give the key fails the start, not a shopper.
 */
@ApplicationScoped
@Startup
public class ReturnUrls {

    /** Signature purpose of the return from ConnectID's fulfillment. */
    public static final String RETURN_PURPOSE = "return";
    /** Signature purpose of the return from the payment provider (prepaid). */
    public static final String PAID_PURPOSE = "paid";
    /** Signature purpose of the receipt link. */
    public static final String RECEIPT_PURPOSE = "receipt";
    /** Signature purpose of the withdrawal function's link (issue 14 item 4). */
    public static final String WITHDRAWAL_PURPOSE = "withdrawal";
    /**
     * How long a withdrawal link keeps opening after the withdrawal period ended, to say so and
     * where to turn (rather than a bare expired-link page); it withdraws nothing then.
     */
    static final Duration WITHDRAWAL_LINK_GRACE = Duration.ofDays(30);

    private final SignedReference signer;
    private final CheckoutConfig config;
    private final Clock clock;

    /** The stored key's name: the setting it stands in for. */
    static final String SIGNING_KEY = "checkout.signing-key";

    public ReturnUrls(CheckoutConfig config, Clock clock, SigningKeyStore keys) {
        this.signer = new SignedReference(config.signingKey()
                .map(configured -> configured.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> keys.key(SIGNING_KEY)));
        this.config = config;
        this.clock = clock;
    }

    /** Whether {@code signature} is ours for this purpose and reference, and still valid. */
    SignedReference.Check check(String purpose, String reference, String signature) {
        return signer.check(purpose, reference, signature, clock.instant());
    }

    /** The OAuth 2.0 redirect URI registered for the checkout at ConnectID. */
    public URI loginRedirectUri() {
        return URI.create(config.publicUrl() + "/checkout/auth/callback");
    }

    /** Where ConnectID's fulfillment sends the browser back ({@code error=1} for its error URL). */
    URI fulfillmentReturn(CheckoutSession s, boolean error) {
        return URI.create(config.publicUrl() + "/checkout/return/" + s.reference() + "?sig="
                + enc(sign(RETURN_PURPOSE, s, config.signedLinks().returnLifetime())) + (error ? "&error=1" : ""));
    }

    /** Where the payment provider sends the browser back after a prepaid payment. */
    URI paymentReturn(CheckoutSession s) {
        return URI.create(config.publicUrl() + "/checkout/paid/" + s.reference() + "?sig="
                + enc(sign(PAID_PURPOSE, s, config.signedLinks().returnLifetime())));
    }

    /** Where the payment provider posts its signed callbacks for the checkout's publisher. */
    URI paymentCallback(CheckoutSession s) {
        return URI.create(config.publicUrl() + PaymentCallbackResource.PATH + "/" + s.publisher().slug);
    }

    /** The receipt's path with the signed reference, for a browser without the checkout's cookie. */
    public String signedReceiptPath(CheckoutSession session) {
        return "/checkout/receipt/" + session.reference() + "?sig="
                + enc(sign(RECEIPT_PURPOSE, session, config.signedLinks().receiptLifetime()));
    }

    /**
     * The withdrawal function's path with the signed reference, for the receipt and the e-mails:
     * works with or without the checkout's cookie until {@link #WITHDRAWAL_LINK_GRACE} after the
     * withdrawal period ends at {@code deadline}.
     */
    public String signedWithdrawalPath(CheckoutSession session, Instant deadline) {
        return "/checkout/withdrawal/" + session.reference() + "?sig="
                + enc(signer.sign(WITHDRAWAL_PURPOSE, session.reference(), deadline.plus(WITHDRAWAL_LINK_GRACE)));
    }

    /**
     * Return links expire counted from the attempt's confirm, so the same attempt always gets the
     * same link: a payment start retried under its idempotency key must send the same request
     * (a link counted from "now" made the retry a different request, refused by the provider).
     * The receipt link counts from the moment it is handed out.
     */
    private String sign(String purpose, CheckoutSession s, Duration lifetime) {
        Instant from = RECEIPT_PURPOSE.equals(purpose) || s.attempt().startedAt() == null
                ? clock.instant() : s.attempt().startedAt();
        return signer.sign(purpose, s.reference(), from.plus(lifetime));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
