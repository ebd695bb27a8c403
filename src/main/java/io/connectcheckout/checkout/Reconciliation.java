package io.connectcheckout.checkout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Finds checkouts left between steps — paid but not registered, registered but not completed,
 * completed but the guest's account not assigned, refused by ConnectID but not refunded yet, or waiting for an outcome the shopper never came
 * back for — and drives each one on with {@link CheckoutFlow#advanceInBackground}, whose steps are
 * idempotent. Safe with several instances: each batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and its rows are marked (updated_at) before the lock is released,
 * so another instance skips them until the next round.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);
    /** Checkouts one round claims at most. */
    private static final int BATCH = 50;

    private final CheckoutFlow flow;
    private final CheckoutStore store;
    private final EntityManager em;
    private final Duration stuckAfter;
    private final Clock clock;

    private final Withdrawals withdrawals;

    public Reconciliation(CheckoutFlow flow, CheckoutStore store, EntityManager em,
            io.connectcheckout.web.CheckoutConfig config, Clock clock, Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
        this.flow = flow;
        this.store = store;
        this.em = em;
        this.stuckAfter = config.reconciliation().stuckAfter();
        this.clock = clock;
    }

    @Scheduled(every = "${checkout.reconciliation.every:60s}", delayed = "${checkout.reconciliation.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int done = run();
        if (done > 0) {
            LOG.infof("Reconciliation moved %d checkout(s) on", done);
        }
    }

    /** One round: returns how many checkouts it looked at. */
    public int run() {
        List<Long> claimed = claim(clock.instant().minus(stuckAfter), BATCH);
        for (Long id : claimed) {
            try {
                Next next = flow.advanceInBackground(id);
                store.record(id, CheckoutEventType.RECONCILED, next.toString());
            } catch (RuntimeException e) {
                // Left for the next round; the shopper's money is safe in the recorded state.
                LOG.warnf("Reconciliation of checkout %d failed, will retry: %s", id, e.toString());
            }
        }
        // Refunds of withdrawals the provider could not take at the time (issue 14 item 4).
        return claimed.size() + withdrawals.refundPending();
    }

    @SuppressWarnings("unchecked")
    private List<Long> claim(Instant olderThan, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Number> ids = em.createNativeQuery("""
                    select id from checkout_session
                    where updated_at < :olderThan
                      and (step in ('PROCESSING', 'AWAITING_PAYMENT', 'PAID')
                           or (step = 'COMPLETED' and user_assigned = false and access_token is null)
                           or (step = 'FAILED' and outcome = 'refund_pending'))
                    order by updated_at
                    fetch first %d rows only
                    for update skip locked""".formatted(limit))
                    .setParameter("olderThan", olderThan)
                    .getResultList();
            List<Long> result = ids.stream().map(Number::longValue).toList();
            if (!result.isEmpty()) {
                // Mark the batch so other instances skip it once our lock is gone.
                em.createNativeQuery("update checkout_session set updated_at = :now where id in (:ids)")
                        .setParameter("now", clock.instant())
                        .setParameter("ids", result)
                        .executeUpdate();
            }
            return result;
        });
    }
}
