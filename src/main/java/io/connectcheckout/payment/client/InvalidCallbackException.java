package io.connectcheckout.payment.client;

/** A callback that must not be trusted: bad or missing signature, stale timestamp or malformed body. */
public class InvalidCallbackException extends RuntimeException {

    public InvalidCallbackException(String message) {
        super(message);
    }
}
