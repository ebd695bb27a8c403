package io.connectcheckout.payment.api;

/**
 * Body of {@code POST /psp/v1/payments}. {@code method} is {@code card} or {@code wallet};
 * {@code callbackUrl}, {@code recurring} and {@code phoneNumber} (the shopper's mobile in E.164, to
 * pre-fill the wallet page, as Vipps ePayment's {@code customer.phoneNumber}) are optional.
 */
public record CreatePaymentJson(String reference, AmountJson amount, String description, String method,
        String returnUrl, String callbackUrl, Boolean recurring, String phoneNumber) {

    /** A payment without a phone number to pre-fill. */
    public CreatePaymentJson(String reference, AmountJson amount, String description, String method,
            String returnUrl, String callbackUrl, Boolean recurring) {
        this(reference, amount, description, method, returnUrl, callbackUrl, recurring, null);
    }
}
