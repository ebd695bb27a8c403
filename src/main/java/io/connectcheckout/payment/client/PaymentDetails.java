package io.connectcheckout.payment.client;

import io.connectcheckout.common.Money;
import java.time.Instant;
import java.util.List;

/**
 * A payment as the provider reports it. {@code maskedCard} shows at most the last four digits;
 * {@code captured} and {@code refunded} are zero amounts in the payment's currency when nothing
 * was captured or refunded. {@code failureReason} is the provider's code for why a FAILED payment
 * failed ({@code declined}, {@code insufficient_funds}, {@code processing_error},
 * {@code three_ds_failed}, {@code wallet_rejected}), null otherwise or when it gave none.
 */
public record PaymentDetails(String paymentId, String reference, PaymentState state, PaymentMethod method,
        Money amount, Money captured, Money refunded, String maskedCard, List<Event> events, String failureReason) {

    /** One step in the payment's history. */
    public record Event(String type, PaymentState state, Instant at) {
    }
}
