package io.connectcheckout.connectid.client;

/**
 * A request went out to ConnectID and no answer came back that says what became of it (a read
 * timeout, a connection dropped after the request was sent, an answer of 500, 502 or 504):
 * ConnectID may have acted on it. A call that is not idempotent at
 * ConnectID (Register order) must not be repeated on this.
 */
public class ConnectIdNoAnswerException extends ConnectIdUnavailableException {

    public ConnectIdNoAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
