package io.connectcheckout.payment.api;

/** Answer to a created payment: its id, the hosted page the shopper must be sent to, and its state. */
public record CreatedPaymentJson(String paymentId, String redirectUrl, String state) {
}
