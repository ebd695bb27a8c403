package io.connectcheckout.payment.sandbox.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.payment.api.AmountJson;
import io.connectcheckout.payment.api.CallbackJson;
import io.connectcheckout.payment.sandbox.payments.PspPayment;
import io.connectcheckout.payment.sandbox.payments.RandomIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * A payment's history: every step is an event, and every state change of a payment with a
 * callback URL also an outbox row for {@link CallbackDispatcher}, written in the transaction of
 * the change itself so neither is ever lost or sent without the other.
 */
@ApplicationScoped
public class PaymentEvents {

    private final ObjectMapper json;

    public PaymentEvents(ObjectMapper json) {
        this.json = json;
    }

    /** Records what happened ({@code type}, the amount it is about) and queues its callback when the state changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(PspPayment payment, String type, long amount, boolean stateChanged) {
        PspPaymentEvent event = new PspPaymentEvent();
        event.eventId = RandomIds.withPrefix("evt_");
        event.paymentId = payment.id;
        event.type = type;
        event.state = payment.state;
        event.amountMinor = amount;
        event.occurredAt = Instant.now();
        event.persist();
        if (stateChanged && payment.callbackUrl != null) {
            PspCallback callback = new PspCallback();
            callback.eventId = event.id;
            callback.paymentId = payment.id;
            callback.url = payment.callbackUrl;
            callback.body = callbackBody(payment, event);
            callback.status = PspCallback.PENDING;
            callback.attempts = 0;
            callback.nextAttemptAt = event.occurredAt;
            callback.persist();
        }
    }

    private String callbackBody(PspPayment payment, PspPaymentEvent event) {
        try {
            return json.writeValueAsString(new CallbackJson(event.eventId, payment.paymentId, payment.reference,
                    payment.state.name(), new AmountJson(payment.amountMinor, payment.currency), event.occurredAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
