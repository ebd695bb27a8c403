package io.connectcheckout.checkout;

import io.connectcheckout.connectid.client.ClientCredentials;
import io.connectcheckout.web.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The four order flows as one loop over {@link CheckoutSession}: {@link #advance} looks at where a
 * checkout stands and performs the next step, each one idempotent towards ConnectID and the payment
 * provider and each state change in its own short transaction guarded by optimistic locking. So a
 * confirm, a return page, a reload, the status page, a payment callback and the reconciliation job
 * may all call it, concurrently or after a crash, and the checkout still ends with at most one
 * order and one captured payment. The steps themselves live in {@link OrderRegistration},
 * {@link PrepaidPayment}, {@link Fulfillment} and {@link UserAssignment}.
 */
@ApplicationScoped
public class CheckoutFlow {

    private static final Logger LOG = Logger.getLogger(CheckoutFlow.class);

    /** How long a shopper's request waits for another step that is registering the order. */
    static final Duration SHOPPER_PATIENCE = Duration.ofSeconds(2);
    private static final long PATIENCE_STEP_MILLIS = 100;
    /** Steps one call takes at most before it answers "in progress". */
    private static final int MAX_STEPS = 10;

    private final CheckoutStore store;
    private final OrderRegistration registration;
    private final PrepaidPayment prepaid;
    private final Fulfillment fulfillment;
    private final UserAssignment assignment;
    private final Clock clock;

    public CheckoutFlow(CheckoutStore store, OrderRegistration registration, PrepaidPayment prepaid,
            Fulfillment fulfillment, UserAssignment assignment, Clock clock) {
        this.store = store;
        this.registration = registration;
        this.prepaid = prepaid;
        this.fulfillment = fulfillment;
        this.assignment = assignment;
        this.clock = clock;
    }

    /**
     * The shopper confirmed: starts a new attempt (once, however many confirms arrive at the
     * same time) and drives it as far as it goes without the shopper.
     */
    public Next confirm(Long sessionId) {
        try {
            store.change(sessionId, (s, now) -> s.beginAttempt(now), CheckoutEventType.ATTEMPT_STARTED, null);
        } catch (IllegalStepException alreadyStarted) {
            // A repeated confirm: show where the checkout is.
            return where(store.load(sessionId));
        } catch (RuntimeException e) {
            if (!Failures.isConcurrentChange(e)) {
                throw e;
            }
            // A concurrent confirm won the race and may not have committed yet: "in progress".
            LOG.debugf("Concurrent confirm of checkout %d: %s", sessionId, e.getMessage());
            return new Next.Pending();
        }
        return advance(sessionId);
    }

    /**
     * Performs the next idempotent step of the checkout until it needs the shopper (a redirect
     * or a page) or waits for an outcome. For a shopper's request: when another step (a payment
     * callback beside the shopper's return, say) is registering the order right now, it waits up to
     * {@link #SHOPPER_PATIENCE} for that step, so the shopper usually lands on the receipt rather
     * than on the status page.
     */
    public Next advance(Long sessionId) {
        return advance(sessionId, SHOPPER_PATIENCE);
    }

    /** As {@link #advance(Long)}, for steps nobody waits on (callbacks, reconciliation): never waits for another step. */
    public Next advanceInBackground(Long sessionId) {
        return advance(sessionId, Duration.ZERO);
    }

    private Next advance(Long sessionId, Duration patience) {
        // Real time, not the clock: this is how long a request thread may wait, not business time.
        long waitUntil = System.nanoTime() + patience.toNanos();
        for (int guard = 0; guard < MAX_STEPS; guard++) {
            CheckoutSession s = store.load(sessionId);
            Optional<Next> next;
            try {
                next = step(s);
            } catch (IllegalStepException movedOn) {
                // The step was taken by someone else between our look and our change: look again.
                LOG.debugf("Checkout %d moved on concurrently: %s", sessionId, movedOn.getMessage());
                continue;
            } catch (RuntimeException e) {
                if (!Failures.isConcurrentChange(e)) {
                    throw e;
                }
                // Someone else moved this checkout at the same time; look again.
                continue;
            }
            if (next.isPresent() && next.get() instanceof Next.Pending && s.awaitsRegistration()
                    && s.registrationClaimed(clock.instant()) && System.nanoTime() < waitUntil) {
                try {
                    Thread.sleep(PATIENCE_STEP_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return next.get();
                }
                guard--;
                continue;
            }
            if (next.isPresent()) {
                return next.get();
            }
        }
        return new Next.Pending();
    }

    /** One step; empty when the state moved and the loop should look again. */
    private Optional<Next> step(CheckoutSession s) {
        ClientCredentials client = Accounts.connectId(s.publisher());
        switch (s.step()) {
            case PROCESSING -> {
                if (s.prepaid()) {
                    return Optional.of(prepaid.start(s));
                }
                if (s.attempt().connectIdOrderId() == null) {
                    return registration.register(s, client);
                }
                if (Fulfillment.nonInteractive(s)) {
                    fulfillment.complete(s, client);
                    return Optional.empty();
                }
                return Optional.of(fulfillment.sendToFulfillment(s, client));
            }
            case AWAITING_PAYMENT -> {
                return s.prepaid() ? prepaid.check(s) : fulfillment.check(s, client);
            }
            case PAID -> {
                if (s.attempt().connectIdOrderId() == null) {
                    return registration.register(s, client);
                }
                fulfillment.complete(s, client);
                return Optional.empty();
            }
            case FAILED -> {
                if (s.refundPending()) {
                    prepaid.refund(s);
                }
                return Optional.of(new Next.Page(Step.FAILED));
            }
            case COMPLETED -> {
                if (assignment.due(s)) {
                    assignment.assign(s, client);
                }
                return Optional.of(new Next.Page(Step.COMPLETED));
            }
            default -> {
                return Optional.of(new Next.Page(s.step()));
            }
        }
    }

    /**
     * The shopper, back on our page while the attempt's payment is open, pays it again: to the same
     * payment's page (or ConnectID's fulfillment of the same order), never a second payment. When the
     * payment moved on meanwhile, where the checkout now is.
     */
    public Next payAgain(Long sessionId) {
        Next next = advance(sessionId);
        if (!(next instanceof Next.PaymentOpen)) {
            return next;
        }
        CheckoutSession s = store.load(sessionId);
        return s.prepaid() ? prepaid.resume(s) : fulfillment.resume(s, Accounts.connectId(s.publisher()));
    }

    /**
     * The shopper gives up the attempt's open prepaid payment (another way to pay, or cancel): it is
     * withdrawn at the provider first, so it can never be paid late, and the attempt then ends as a
     * cancelled payment does. A payment paid meanwhile goes on to the order instead.
     */
    public Next giveUpPayment(Long sessionId) {
        Next next = advance(sessionId);
        CheckoutSession s = store.load(sessionId);
        if (!(next instanceof Next.PaymentOpen) || !s.prepaid()) {
            // ConnectID's order at fulfillment cannot be withdrawn from here: it stays payable.
            return next;
        }
        prepaid.withdraw(s);
        return advance(sessionId);
    }

    private static Next where(CheckoutSession s) {
        return s.step().inFlight() ? new Next.Pending() : new Next.Page(s.step());
    }
}
