package io.connectcheckout.payment.client;

import io.connectcheckout.common.Money;
import java.time.Instant;
import java.util.List;

/**
 * A payment as the provider reports it. {@code maskedCard} shows at most the last four digits;
 * {@code captured} and {@code refunded} are zero amounts in the payment's currency when nothing
 * was captured or refunded.
 */
public record PaymentDetails(String paymentId, String reference, PaymentState state, PaymentMethod method,
        Money amount, Money captured, Money refunded, String maskedCard, List<Event> events) {

    /** One step in the payment's history. */
    public record Event(String type, PaymentState state, Instant at) {
    }
}
