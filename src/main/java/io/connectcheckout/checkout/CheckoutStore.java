package io.connectcheckout.checkout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.hibernate.Hibernate;

/**
 * Reads and changes checkouts, each in its own short transaction: a step sees the committed state
 * rather than a copy cached earlier in the request, and every change is one legal move of
 * {@link CheckoutSession} plus its line in the timeline, committed together.
 *
 * <p>Failures: a move the transition table refuses throws {@link IllegalStepException}; a move that
 * lost a race with another one throws what {@link io.connectcheckout.web.Failures#isConcurrentChange}
 * recognises. Either leaves the checkout as it was.
 */
@ApplicationScoped
public class CheckoutStore {

    /** A move of a checkout at the instant {@code now}. */
    @FunctionalInterface
    public interface Change {
        void apply(CheckoutSession session, Instant now);
    }

    private final Clock clock;

    public CheckoutStore(Clock clock) {
        this.clock = clock;
    }

    /** The current instant of the injected clock. */
    public Instant now() {
        return clock.instant();
    }

    /** Reads a checkout with what the flow and the pages need, in its own transaction. */
    public CheckoutSession load(Long sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> withWhatTheFlowNeeds(CheckoutSession.findById(sessionId)));
    }

    /**
     * Applies one legal state change in its own transaction and records it in the timeline.
     *
     * @return the checkout as changed
     */
    public CheckoutSession change(Long sessionId, Change move, CheckoutEventType event, String detail) {
        return change(sessionId, move, event, detail, (session, now) -> { });
    }

    /**
     * As {@link #change(Long, Change, CheckoutEventType, String)}, then {@code then} in the same
     * transaction, after the move's line in the timeline: what the move causes (a message to queue)
     * commits with it or not at all.
     */
    public CheckoutSession change(Long sessionId, Change move, CheckoutEventType event, String detail, Change then) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            CheckoutSession session = CheckoutSession.findById(sessionId);
            move.apply(session, now);
            CheckoutEvent.record(sessionId, now, event, detail);
            // The move's UPDATE (and its version check) first: Hibernate would otherwise insert what
            // {@code then} writes before it, and a move that lost the race would meet the winner's
            // rows at a unique key instead of as a concurrent change.
            session.flush();
            then.apply(session, now);
            session.flush();
            return session;
        });
    }

    /** Records a line in the timeline without changing the checkout. */
    public void record(Long sessionId, CheckoutEventType event, String detail) {
        QuarkusTransaction.requiringNew().run(() -> CheckoutEvent.record(sessionId, clock.instant(), event, detail));
    }

    /** Loads, inside the caller's transaction, what pages and steps read after it ends. */
    static CheckoutSession withWhatTheFlowNeeds(CheckoutSession session) {
        Hibernate.initialize(session.publisher());
        Hibernate.initialize(session.publisher().paymentOptions);
        Hibernate.initialize(session.publisher().offers);
        Hibernate.initialize(session.offer());
        Hibernate.initialize(session.paymentOption());
        return session;
    }
}
