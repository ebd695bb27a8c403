package io.connectcheckout.payment.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Receiver-side de-duplication of payment callbacks (at-least-once delivery means replays).
 * Call {@link #recordOnce} inside the transaction that applies the callback's effect: the inbox
 * row and the effect commit together, so a replay, even a concurrent one, changes state once.
 *
 * <p>Two deliveries of one event racing each other: both may pass the existence check, but the
 * unique event id lets only one insert commit; the other's flush fails and its transaction rolls
 * back. {@link #isDuplicate(Throwable)} recognises that failure, and the receiver answers 2xx
 * (the event was handled by the other delivery) or a retryable status — either way state changed once.
 */
@ApplicationScoped
public class CallbackInbox {

    private final EntityManager em;

    public CallbackInbox(EntityManager em) {
        this.em = em;
    }

    /** Records the event; true when it is new (apply its effect), false when it was seen before (ignore it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordOnce(CallbackEvent event) {
        if (ReceivedCallback.count("eventId", event.eventId()) > 0) {
            return false;
        }
        ReceivedCallback row = new ReceivedCallback();
        row.eventId = event.eventId();
        row.paymentId = event.paymentId();
        String state = event.stateName();
        row.state = state.length() > 20 ? state.substring(0, 20) : state;
        row.receivedAt = Instant.now();
        em.persist(row);
        em.flush();
        return true;
    }
}
