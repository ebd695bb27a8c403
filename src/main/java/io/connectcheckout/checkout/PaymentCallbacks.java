package io.connectcheckout.checkout;

import io.connectcheckout.payment.client.CallbackEvent;
import io.connectcheckout.payment.client.CallbackInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.connectcheckout.web.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Verified callbacks from the payment provider. Their state is a hint, never the truth: a
 * callback is recorded once (its event id in the inbox, in the same transaction as the timeline
 * entry), and then the checkout is moved on by {@link CheckoutFlow#advanceInBackground}, which reads
 * the payment from the provider. So callbacks replayed, late, out of order or lying about the state
 * can only make the checkout take its next legal step sooner; nothing moves backwards.
 */
@ApplicationScoped
public class PaymentCallbacks {

    private static final Logger LOG = Logger.getLogger(PaymentCallbacks.class);

    /** What became of a verified payment callback. */
    public enum CallbackOutcome {
        /** Recorded in the checkout's timeline, and the checkout was moved on. */
        APPLIED,
        /** Seen before (a replay): nothing done. */
        DUPLICATE,
        /** An event type this version does not know: recorded in the timeline, nothing moved. */
        UNKNOWN_TYPE,
        /** Not the current payment of one of this publisher's checkouts: nothing done. */
        NOT_OURS
    }

    private final CallbackInbox inbox;
    private final CheckoutFlow flow;
    private final Clock clock;

    public PaymentCallbacks(CallbackInbox inbox, CheckoutFlow flow, Clock clock) {
        this.inbox = inbox;
        this.flow = flow;
        this.clock = clock;
    }

    /** Records a verified callback for one of {@code publisherId}'s checkouts and moves that checkout on. */
    public CallbackOutcome received(Long publisherId, CallbackEvent event) {
        CallbackOutcome recorded;
        Long[] sessionId = new Long[1];
        try {
            recorded = QuarkusTransaction.requiringNew().call(() -> {
                if (!inbox.recordOnce(event)) {
                    return CallbackOutcome.DUPLICATE;
                }
                Optional<CheckoutSession> session = CheckoutSession.findByPaymentId(event.paymentId())
                        .filter(s -> s.publisher().id.equals(publisherId));
                if (session.isEmpty()) {
                    return CallbackOutcome.NOT_OURS;
                }
                sessionId[0] = session.get().id();
                String detail = event.stateName() + " (" + event.eventId() + ")";
                Instant now = clock.instant();
                if (event.state().isEmpty()) {
                    CheckoutEvent.record(sessionId[0], now, CheckoutEventType.PAYMENT_CALLBACK_IGNORED,
                            "unknown event type " + detail);
                    return CallbackOutcome.UNKNOWN_TYPE;
                }
                CheckoutEvent.record(sessionId[0], now, CheckoutEventType.PAYMENT_CALLBACK, detail);
                return CallbackOutcome.APPLIED;
            });
        } catch (RuntimeException e) {
            if (!Failures.isDuplicateKey(e)) {
                throw e;
            }
            // The same event delivered twice at the same moment: the other delivery recorded it.
            recorded = CallbackOutcome.DUPLICATE;
        }
        if (recorded == CallbackOutcome.APPLIED) {
            try {
                flow.advanceInBackground(sessionId[0]);
            } catch (RuntimeException e) {
                // Recorded; the reconciliation job finishes what could not be done now.
                LOG.warnf("Checkout %d not moved on after a payment callback, left to reconciliation: %s",
                        sessionId[0], e.toString());
            }
        }
        return recorded;
    }
}
