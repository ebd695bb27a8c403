package io.connectcheckout.payment.client;

import io.connectcheckout.payment.api.ErrorCodes;
import io.connectcheckout.web.Failures;

/**
 * The provider saw the same payment change at the same moment (HTTP 409 {@code concurrent_update},
 * e.g. the shopper's return and a callback both capturing it): read the payment again and decide
 * again. Nothing was done twice.
 */
public class PaymentConflictException extends PaymentRejectedException implements Failures.ConcurrentChange {

    public PaymentConflictException(String message) {
        super(409, ErrorCodes.CONCURRENT_UPDATE, message);
    }
}
