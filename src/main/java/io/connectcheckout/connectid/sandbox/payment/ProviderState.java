package io.connectcheckout.connectid.sandbox.payment;

import io.connectcheckout.payment.api.PaymentJson;

/**
 * A payment's state as the provider reports it (the {@code state} of {@code payment.api}'s
 * payment), in the sandbox's own words.
 */
public enum ProviderState {
    CREATED, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, ABORTED, FAILED, EXPIRED, CANCELLED;

    public static ProviderState of(PaymentJson payment) {
        return valueOf(payment.state());
    }

    /** The shopper's money was reserved or taken. */
    public boolean paid() {
        return this == AUTHORIZED || this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
