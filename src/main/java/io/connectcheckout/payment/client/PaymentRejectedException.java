package io.connectcheckout.payment.client;

/** The provider refused the request (HTTP 4xx) with a stable error code; repeating it will not help. */
public class PaymentRejectedException extends RuntimeException {

    private final int status;
    private final String code;

    public PaymentRejectedException(int status, String code, String message) {
        super(code + ": " + message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
