package io.connectcheckout.payment.api;

/** Body of {@code POST /psp/v1/payments/{id}/refund}; without an amount the rest of the captured amount is refunded. */
public record RefundJson(AmountJson amount) {
}
