package io.connectcheckout.payment.sandbox;

/** A refund larger than what is left of the captured amount. */
class RefundTooLargeException extends RuntimeException {

    RefundTooLargeException(long left) {
        super("At most " + left + " minor units are left to refund");
    }
}
