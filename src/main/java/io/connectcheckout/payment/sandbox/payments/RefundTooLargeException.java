package io.connectcheckout.payment.sandbox.payments;

/** A refund larger than what is left of the captured amount. */
public class RefundTooLargeException extends RuntimeException {

    RefundTooLargeException(long left) {
        super("At most " + left + " minor units are left to refund");
    }
}
