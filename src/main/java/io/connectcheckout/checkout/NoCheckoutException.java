package io.connectcheckout.checkout;

/** No checkout for this browser: the cookie is missing, unknown or expired. The pages answer with the start page. */
public class NoCheckoutException extends RuntimeException {

    public NoCheckoutException() {
        super(null, null, false, false);
    }
}
