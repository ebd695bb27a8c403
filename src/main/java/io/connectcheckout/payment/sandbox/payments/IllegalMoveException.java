package io.connectcheckout.payment.sandbox.payments;

/** A state move the payment's current state does not allow. */
public class IllegalMoveException extends RuntimeException {

    final PspState from;

    public IllegalMoveException(PspState from, String attempted) {
        super("A " + from + " payment cannot move to " + attempted.toLowerCase(java.util.Locale.ROOT));
        this.from = from;
    }
}
