package io.connectcheckout.payment.api;

import java.time.Instant;

/** The body of a callback: one state change of one payment, identified by {@code eventId}. */
public record CallbackJson(String eventId, String paymentId, String reference, String state, AmountJson amount,
        Instant occurredAt) {
}
