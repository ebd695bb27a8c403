package io.connectcheckout.payment.sandbox.merchantapi;

import io.connectcheckout.payment.api.AmountJson;
import io.connectcheckout.payment.api.PaymentJson;
import io.connectcheckout.payment.sandbox.events.PspCallback;
import io.connectcheckout.payment.sandbox.events.PspCallbackAttempt;
import io.connectcheckout.payment.sandbox.events.PspPaymentEvent;
import io.connectcheckout.payment.sandbox.payments.PspPayment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A payment as the API shows it to its merchant: state, amounts, history and the callback delivery log. */
final class PaymentViews {

    private PaymentViews() {
    }

    static PaymentJson of(PspPayment payment) {
        List<PspPaymentEvent> events = PspPaymentEvent.list("paymentId = ?1 order by id", payment.id);
        Map<Long, String> eventIds = new HashMap<>();
        List<PaymentJson.EventJson> history = new ArrayList<>();
        for (PspPaymentEvent e : events) {
            eventIds.put(e.id, e.eventId);
            history.add(new PaymentJson.EventJson(e.eventId, e.type, e.state.name(),
                    new AmountJson(e.amountMinor, payment.currency), e.occurredAt));
        }
        List<PaymentJson.DeliveryJson> deliveries = new ArrayList<>();
        List<PspCallback> callbacks = PspCallback.list("paymentId = ?1 order by id", payment.id);
        for (PspCallback callback : callbacks) {
            List<PspCallbackAttempt> attempts = PspCallbackAttempt.list("callbackId = ?1 order by id", callback.id);
            for (PspCallbackAttempt a : attempts) {
                deliveries.add(new PaymentJson.DeliveryJson(eventIds.get(callback.eventId), a.attempt, a.attemptedAt,
                        a.httpStatus, a.outcome));
            }
        }
        return new PaymentJson(payment.paymentId, payment.reference, payment.state.name(), payment.method,
                new AmountJson(payment.amountMinor, payment.currency),
                new AmountJson(payment.capturedMinor, payment.currency),
                new AmountJson(payment.refundedMinor, payment.currency), payment.description, payment.recurring,
                payment.maskedCard,
                payment.failureReason, payment.createdAt, payment.expiresAt, history, deliveries);
    }
}
