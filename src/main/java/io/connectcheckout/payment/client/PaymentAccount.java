package io.connectcheckout.payment.client;

/**
 * A merchant's credentials at the payment provider: the API key its calls carry, and the secret
 * the provider signs callbacks with. {@link #toString()} never shows either.
 */
public record PaymentAccount(String apiKey, String callbackSecret) {

    @Override
    public String toString() {
        return "PaymentAccount[***]";
    }
}
