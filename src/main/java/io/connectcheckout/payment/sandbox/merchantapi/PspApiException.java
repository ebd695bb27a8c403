package io.connectcheckout.payment.sandbox.merchantapi;

import io.connectcheckout.payment.api.ErrorJson;

/** A refusal of the payment API, turned into the documented error body by {@link PaymentApiResource}. */
class PspApiException extends RuntimeException {

    final int status;
    final ErrorJson body;

    PspApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    PspApiException(int status, String code, String message, String field) {
        super(code + ": " + message, null, false, false);
        this.status = status;
        this.body = new ErrorJson(code, message, field);
    }
}
