package io.connectcheckout.payment.api;

/**
 * Body of {@code POST /psp/v1/payments}. {@code method} is {@code card} or {@code wallet};
 * {@code callbackUrl} and {@code recurring} are optional.
 */
public record CreatePaymentJson(String reference, AmountJson amount, String description, String method,
        String returnUrl, String callbackUrl, Boolean recurring) {
}
