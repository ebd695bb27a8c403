package io.connectcheckout.checkout;

/** A move the checkout's state machine does not allow (a skipped or replayed step). */
public class IllegalStepException extends RuntimeException {

    public IllegalStepException(String message) {
        super(message);
    }
}
