package io.connectcheckout.connectid.client;

/** ConnectID refused the call (400 {@code exceptionType}, an OAuth error, 401): repeating it will not help. */
public class ConnectIdRejectedException extends RuntimeException {

    private final int status;
    private final String type;

    public ConnectIdRejectedException(int status, String type, String message) {
        super(type + ": " + message);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
