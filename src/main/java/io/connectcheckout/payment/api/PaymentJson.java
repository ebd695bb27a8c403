package io.connectcheckout.payment.api;

import java.time.Instant;
import java.util.List;

/**
 * A payment as {@code GET /psp/v1/payments/{id}} reports it: state, amounts, method, the masked
 * card (last four digits only), its history and the log of callback deliveries.
 */
public record PaymentJson(String paymentId, String reference, String state, String method, AmountJson amount,
        AmountJson captured, AmountJson refunded, String description, boolean recurring, String maskedCard,
        String failureReason,
        Instant createdAt, Instant expiresAt, List<EventJson> events, List<DeliveryJson> callbackDeliveries) {

    /** One state change (or refund) in the payment's history; {@code eventId} is the callback's event id. */
    public record EventJson(String eventId, String type, String state, AmountJson amount, Instant occurredAt) {
    }

    /** One attempt to deliver a callback: HTTP status (null when no answer) and a short outcome. */
    public record DeliveryJson(String eventId, int attempt, Instant attemptedAt, Integer httpStatus, String outcome) {
    }
}
