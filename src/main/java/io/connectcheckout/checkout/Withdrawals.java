package io.connectcheckout.checkout;

import io.connectcheckout.common.Money;
import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.payment.client.PaymentRejectedException;
import io.connectcheckout.payment.client.PaymentUnavailableException;
import io.connectcheckout.web.Failures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The withdrawal function (issue 14 item 4; Directive (EU) 2023/2673, CRD art. 11a from 19 June
 * 2026): a shopper withdraws from a completed order within {@link WithdrawalTerms#PERIOD_DAYS}
 * days. One transaction records the withdrawal (once: a unique key), its line in the timeline, the
 * acknowledgement to the shopper and the notice to the publisher's support address; then a
 * prepaid payment is refunded through the provider, in full or less the days had
 * ({@link WithdrawalTerms}), under one idempotency key, retried by the reconciliation job until
 * done. Money paid at ConnectID's fulfillment and invoices are the publisher's to refund or cancel:
 * ConnectID's Order API documents no refund and no way to stop an order or subscription, so the
 * notice asks the publisher to do both, and the shopper is told who does what.
 */
@ApplicationScoped
public class Withdrawals {

    private static final Logger LOG = Logger.getLogger(Withdrawals.class);

    private final PaymentProvider payments;
    private final CheckoutStore store;
    private final WithdrawalMail mail;
    private final Clock clock;

    public Withdrawals(PaymentProvider payments, CheckoutStore store, WithdrawalMail mail, Clock clock) {
        this.payments = payments;
        this.store = store;
        this.mail = mail;
        this.clock = clock;
    }

    /** When the order of completed checkout {@code s} was concluded (its completion). */
    Instant orderedAt(CheckoutSession s) {
        return QuarkusTransaction.requiringNew().call(() -> CheckoutEvent.firstAt(s.id(),
                CheckoutEventType.ORDER_COMPLETED)).orElse(s.updatedAt());
    }

    /** The last moment a withdrawal from {@code s} counts. */
    Instant deadline(CheckoutSession s) {
        return WithdrawalTerms.deadline(orderedAt(s), ShopperTime.ZONE);
    }

    /** What withdrawing now from completed checkout {@code s}, ordered at {@code orderedAt}, would cost and refund. */
    WithdrawalTerms terms(CheckoutSession s, Instant orderedAt) {
        return terms(s, orderedAt, clock.instant());
    }

    private WithdrawalTerms terms(CheckoutSession s, Instant orderedAt, Instant at) {
        boolean paid = !Fulfillment.NON_INTERACTIVE.contains(s.paymentOption().paymentMethod);
        return WithdrawalTerms.of(s.terms().amountMinor(), paid, s.payer().immediateStart(), orderedAt, at,
                s.terms().periodLength(), s.terms().periodType(), ShopperTime.ZONE);
    }

    /** Who gives the money of {@code s} back. */
    static Withdrawal.RefundBy refundBy(CheckoutSession s, WithdrawalTerms terms) {
        if (terms.refundMinor() == 0) {
            return terms.basis() == WithdrawalTerms.Basis.NOTHING_PAID ? Withdrawal.RefundBy.PUBLISHER
                    : Withdrawal.RefundBy.NONE;
        }
        return s.prepaid() ? Withdrawal.RefundBy.PROVIDER : Withdrawal.RefundBy.PUBLISHER;
    }

    /** The withdrawal of checkout {@code sessionId}, if the shopper withdrew. */
    public Optional<Withdrawal> of(Long sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> Withdrawal.forCheckout(sessionId));
    }

    /**
     * The shopper withdraws from completed checkout {@code s}: recorded once, however often and
     * from however many tabs it is sent; then the refund, when the checkout gives it.
     *
     * @throws IllegalStepException when the checkout is not completed, or the withdrawal period has ended
     */
    public Withdrawal withdraw(CheckoutSession s) {
        Optional<Withdrawal> existing = of(s.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        Instant orderedAt = orderedAt(s);
        if (s.step() != Step.COMPLETED || !now.isBefore(WithdrawalTerms.deadline(orderedAt, ShopperTime.ZONE))) {
            throw new IllegalStepException("withdrawal from a checkout that is " + s.step() + " or past its period");
        }
        WithdrawalTerms terms = terms(s, orderedAt, now);
        Withdrawal recorded;
        boolean[] created = {false};
        try {
            recorded = QuarkusTransaction.requiringNew().call(() -> {
                // The checkout's row locked first: withdrawals from two tabs at once take turns, and
                // the second finds the first's instead of running into the unique key.
                CheckoutSession current = CheckoutStore.withWhatTheFlowNeeds(
                        CheckoutSession.findById(s.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
                Optional<Withdrawal> first = Withdrawal.forCheckout(s.id());
                if (first.isPresent()) {
                    return first.get();
                }
                Withdrawal w = Withdrawal.of(s.id(), now, terms, s.terms().currency(), refundBy(current, terms));
                w.persist();
                w.flush();
                CheckoutEvent.record(s.id(), now, CheckoutEventType.WITHDRAWN, terms.basis().code() + ", refund "
                        + Money.ofMinor(terms.refundMinor(), s.terms().currency()) + " by " + w.refundBy);
                mail.queue(current, w, now);
                created[0] = true;
                return w;
            });
        } catch (RuntimeException e) {
            if (!Failures.isDuplicateKey(e) && !Failures.isConcurrentChange(e)) {
                throw e;
            }
            // Another tab's withdrawal won the unique key: that one stands.
            return of(s.id()).orElseThrow(() -> e);
        }
        // Only the request that recorded it refunds (the others found it recorded): one call to the
        // provider, not one per tab (the ten-tabs test saw the provider's idempotency race otherwise).
        if (created[0] && recorded.refundPending()) {
            refund(s.id());
        }
        return of(s.id()).orElse(recorded);
    }

    /**
     * Refunds a pending withdrawal's money through the provider (one idempotency key, so a retry
     * never refunds twice). A provider that cannot be reached leaves it pending for the next round.
     */
    void refund(Long sessionId) {
        CheckoutSession s = store.load(sessionId);
        Withdrawal w = of(sessionId).filter(Withdrawal::refundPending).orElse(null);
        if (w == null) {
            return;
        }
        try {
            payments.refund(Accounts.payment(s.publisher()), s.attempt().paymentId(), w.refund(),
                    s.attempt().externalOrderId() + "-withdrawal");
        } catch (PaymentUnavailableException | PaymentRejectedException e) {
            LOG.warnf("Refund of the withdrawal from checkout %s failed, will retry: %s", s.reference(), e.getMessage());
            store.record(sessionId, CheckoutEventType.WITHDRAWAL_REFUND_FAILED, e.getMessage());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Withdrawal pending = Withdrawal.forCheckout(sessionId).orElseThrow();
            if (pending.refundPending()) {
                Instant now = clock.instant();
                pending.refunded(now);
                CheckoutEvent.record(sessionId, now, CheckoutEventType.WITHDRAWAL_REFUNDED, pending.refund().toString());
            }
        });
    }

    /** One round of the reconciliation job: retries the refunds still pending. Returns how many it tried. */
    public int refundPending() {
        List<Long> pending = QuarkusTransaction.requiringNew().call(() -> Withdrawal
                .<Withdrawal>list("refundStatus", Withdrawal.PENDING).stream().map(w -> w.sessionId).toList());
        for (Long id : pending) {
            try {
                refund(id);
            } catch (RuntimeException e) {
                LOG.warnf("Refund of the withdrawal from checkout %d failed, will retry: %s", id, e.toString());
            }
        }
        return pending.size();
    }
}
