package io.connectcheckout.payment.client;

/** The provider could not be reached or failed (timeout, connection refused, 5xx, open circuit). */
public class PaymentUnavailableException extends RuntimeException {

    public PaymentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
