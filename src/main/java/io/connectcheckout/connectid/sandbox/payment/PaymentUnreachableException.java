package io.connectcheckout.connectid.sandbox.payment;

/**
 * The payment provider could not be reached or failed (no connection, a timeout, a 5xx, an open
 * circuit): the outcome is unknown, and the same call with the same idempotency key may be tried later.
 */
public class PaymentUnreachableException extends RuntimeException {

    public PaymentUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
