package io.connectcheckout.payment.client;

import io.connectcheckout.common.Money;

/**
 * The payment service provider, in our own words. The checkout (prepaid flows) and the ConnectID
 * sandbox (fulfillment) use only this port; adapters speak a concrete provider's API over HTTP.
 *
 * <p>Every call names the {@link PaymentAccount} it acts for (a merchant's API key and callback
 * secret), since one process talks to the provider on behalf of several merchants.
 *
 * <p>Failures: {@link PaymentRejectedException} when the provider refused the request (a 4xx:
 * illegal state move, bad input, unknown payment); {@link PaymentUnavailableException} when it
 * could not be reached or failed (timeout, 5xx) — the caller may retry with the same idempotency key.
 */
public interface PaymentProvider {

    /** Creates a payment the shopper completes on the provider's page; safe to repeat with the same key. */
    StartedPayment start(PaymentAccount account, PaymentRequest request, String idempotencyKey);

    /** Reads a payment's current state from the provider (server to server: the only trusted source). */
    PaymentDetails get(PaymentAccount account, String paymentId);

    /** Captures an authorized payment in full. */
    PaymentDetails capture(PaymentAccount account, String paymentId, String idempotencyKey);

    /**
     * Cancels an authorized, not yet captured payment; a payment not paid yet (CREATED) is withdrawn
     * (ABORTED), so the shopper can no longer complete it.
     */
    PaymentDetails cancel(PaymentAccount account, String paymentId, String idempotencyKey);

    /** Refunds all or part of a captured payment, up to what is left of the captured amount. */
    PaymentDetails refund(PaymentAccount account, String paymentId, Money amount, String idempotencyKey);

    /**
     * Verifies a callback's signature over its raw bytes, before any JSON parsing, and parses it.
     *
     * @throws InvalidCallbackException for a bad or missing signature, a stale timestamp or a malformed body
     */
    CallbackEvent verifyCallback(PaymentAccount account, byte[] rawBody, String signatureHeader);
}
