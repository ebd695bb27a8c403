package io.connectcheckout.connectid.client;

/** ConnectID could not be reached, timed out, failed (5xx, 429) or its circuit is open. */
public class ConnectIdUnavailableException extends RuntimeException {

    public ConnectIdUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
