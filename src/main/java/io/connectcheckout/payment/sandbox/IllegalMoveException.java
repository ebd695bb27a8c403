package io.connectcheckout.payment.sandbox;

/** A state move the payment's current state does not allow. */
class IllegalMoveException extends RuntimeException {

    final PspState from;

    IllegalMoveException(PspState from, String attempted) {
        super("A " + from + " payment cannot move to " + attempted.toLowerCase(java.util.Locale.ROOT));
        this.from = from;
    }
}
