package io.connectcheckout.payment.client;

import io.connectcheckout.common.Money;
import java.net.URI;

/**
 * What to charge: the merchant's own unique reference, the amount, a description the shopper
 * sees, the method, where the browser returns, and (optionally) where callbacks go.
 */
public record PaymentRequest(String reference, Money amount, String description, PaymentMethod method,
        URI returnUrl, URI callbackUrl, boolean recurring) {
}
