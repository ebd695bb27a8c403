package io.connectcheckout.payment.client;

import io.connectcheckout.web.Money;
import java.time.Instant;

/** A verified callback from the provider: one state change of one payment, identified by {@code eventId}. */
public record CallbackEvent(String eventId, String paymentId, String reference, PaymentState state, Money amount,
        Instant occurredAt) {
}
