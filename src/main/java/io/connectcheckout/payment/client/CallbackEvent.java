package io.connectcheckout.payment.client;

import io.connectcheckout.common.Money;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A verified callback from the provider: one state change of one payment, identified by
 * {@code eventId}. {@code stateName} is the provider's word for the new state as sent; a state this
 * version does not know (a provider may add event types at any time) is carried, not refused, so
 * a receiver can acknowledge and ignore it.
 */
public record CallbackEvent(String eventId, String paymentId, String reference, String stateName, Money amount,
        Instant occurredAt) {

    public CallbackEvent(String eventId, String paymentId, String reference, PaymentState state, Money amount,
            Instant occurredAt) {
        this(eventId, paymentId, reference, state.name(), amount, occurredAt);
    }

    /** The new state, or empty for a state (event type) this version does not know. */
    public Optional<PaymentState> state() {
        return Arrays.stream(PaymentState.values()).filter(s -> s.name().equals(stateName)).findFirst();
    }
}
