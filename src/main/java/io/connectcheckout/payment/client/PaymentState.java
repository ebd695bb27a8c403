package io.connectcheckout.payment.client;

/**
 * A payment's life. Moves forward only: CREATED → AUTHORIZED → CAPTURED → (PARTIALLY_)REFUNDED;
 * CREATED → ABORTED | FAILED | EXPIRED; AUTHORIZED → CANCELLED.
 */
public enum PaymentState {
    CREATED, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, ABORTED, FAILED, EXPIRED, CANCELLED;

    /** The shopper's money was reserved or taken. */
    public boolean isPaid() {
        return this == AUTHORIZED || this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /** No further shopper action can change the outcome (the payment is no longer waiting for the shopper). */
    public boolean isSettled() {
        return this != CREATED;
    }

    /** The payment ended without money being taken. */
    public boolean isUnsuccessful() {
        return this == ABORTED || this == FAILED || this == EXPIRED || this == CANCELLED;
    }
}
