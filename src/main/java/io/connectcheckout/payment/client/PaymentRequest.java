package io.connectcheckout.payment.client;

import io.connectcheckout.common.Money;
import java.net.URI;

/**
 * What to charge: the merchant's own unique reference, the amount, a description the shopper
 * sees, the method, where the browser returns, (optionally) where callbacks go, and (optionally)
 * the shopper's mobile in E.164 for the provider to pre-fill on its wallet page.
 */
public record PaymentRequest(String reference, Money amount, String description, PaymentMethod method,
        URI returnUrl, URI callbackUrl, boolean recurring, String phoneNumber) {

    /** A payment without a phone number to pre-fill. */
    public PaymentRequest(String reference, Money amount, String description, PaymentMethod method, URI returnUrl,
            URI callbackUrl, boolean recurring) {
        this(reference, amount, description, method, returnUrl, callbackUrl, recurring, null);
    }
}
