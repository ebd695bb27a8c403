package io.connectcheckout.payment.sandbox.expiry;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns payments the shopper did not complete in time into EXPIRED (with their callback). Each
 * payment is expired in its own transaction; {@code @Version} makes a race with the shopper or
 * another instance harmless (the loser's change is rolled back and the row re-checked next run).
 */
@ApplicationScoped
public class PaymentExpiryJob {

    private static final Logger LOG = Logger.getLogger(PaymentExpiryJob.class);

    private final boolean sandboxEnabled;
    private final PaymentExpiry expiry;

    public PaymentExpiryJob(@ConfigProperty(name = "sandbox.enabled", defaultValue = "true") boolean sandboxEnabled,
            PaymentExpiry expiry) {
        this.sandboxEnabled = sandboxEnabled;
        this.expiry = expiry;
    }

    @Scheduled(identity = "psp-expiry", every = "${sandbox.psp.expiry-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        if (!sandboxEnabled) {
            return;
        }
        for (Long id : expiry.dueForExpiry(100)) {
            try {
                expiry.expire(id);
            } catch (OptimisticLockException | org.hibernate.StaleStateException raced) {
                LOG.debugf("Payment %d changed while expiring; checked again next run", id);
            } catch (RuntimeException e) {
                if (e.getCause() instanceof OptimisticLockException) {
                    continue;
                }
                throw e;
            }
        }
    }
}
