package io.connectcheckout.connectid.sandbox.payment;

/**
 * The payment provider refused a call (a 4xx): an unknown payment, a wrong key, an illegal state
 * move. Retrying the same call would be refused again. The message carries the status and the
 * API's error code ({@code payment.api.ErrorCodes}).
 */
public class PaymentRefusedException extends RuntimeException {

    public PaymentRefusedException(String message) {
        super(message);
    }
}
