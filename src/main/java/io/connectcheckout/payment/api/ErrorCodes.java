package io.connectcheckout.payment.api;

/** The stable error codes of the payment API (documented in {@code docs/payment-sandbox.md}). */
public final class ErrorCodes {

    /** 400: the body is not valid JSON or has the wrong shape. */
    public static final String MALFORMED_JSON = "malformed_json";
    /** 400: {@code POST /payments} without an {@code Idempotency-Key} header (or an unusable one). */
    public static final String IDEMPOTENCY_KEY_MISSING = "idempotency_key_missing";
    /** 401: no API key, or an unknown one. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** 403: the payment belongs to another merchant. */
    public static final String FORBIDDEN = "forbidden";
    /** 404: no such endpoint. */
    public static final String NOT_FOUND = "not_found";
    /** 404: no payment with this id. */
    public static final String PAYMENT_NOT_FOUND = "payment_not_found";
    /** 409: the idempotency key was used before with a different request. */
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";
    /** 409: another payment of this merchant already has this reference. */
    public static final String DUPLICATE_REFERENCE = "duplicate_reference";
    /** 409: the payment's state does not allow this move (e.g. capture of a FAILED payment). */
    public static final String ILLEGAL_STATE = "illegal_state";
    /** 409: the payment changed at the same moment; read it and try again. */
    public static final String CONCURRENT_UPDATE = "concurrent_update";
    /** 422: a field is missing or invalid ({@code field} names it). */
    public static final String INVALID_REQUEST = "invalid_request";
    /** 422: the amount is zero, negative or too large. */
    public static final String INVALID_AMOUNT = "invalid_amount";
    /** 422: not an ISO 4217 currency code. */
    public static final String INVALID_CURRENCY = "invalid_currency";
    /** 422: the return URL's host is not registered for this merchant. */
    public static final String RETURN_URL_NOT_ALLOWED = "return_url_not_allowed";
    /** 422: the callback URL's host is not registered for this merchant. */
    public static final String CALLBACK_URL_NOT_ALLOWED = "callback_url_not_allowed";
    /** 422: the refund is larger than what is left of the captured amount. */
    public static final String REFUND_EXCEEDS_CAPTURED = "refund_exceeds_captured";

    private ErrorCodes() {
    }
}
