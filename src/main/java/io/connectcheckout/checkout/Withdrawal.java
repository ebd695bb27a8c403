package io.connectcheckout.checkout;

import io.connectcheckout.common.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A shopper's withdrawal from a completed order (table {@code checkout_withdrawal}, V22): when it
 * was received, what it costs and refunds ({@link WithdrawalTerms}), who refunds it, and whether
 * that is done. At most one per checkout (a unique key). Its own small state: a provider refund
 * moves {@code pending → refunded}; one the publisher owes (paid at ConnectID's fulfillment, an
 * invoice) is {@code publisher} from the start, with the publisher told; nothing to refund is
 * {@code none}.
 */
@Entity
@Table(name = "checkout_withdrawal")
public class Withdrawal extends PanacheEntityBase {

    /** Who gives the money back. */
    public enum RefundBy {
        /** The checkout, through the payment provider (a prepaid payment). */
        PROVIDER,
        /** The publisher (paid through ConnectID's fulfillment, or an invoice to cancel or reduce). */
        PUBLISHER,
        /** Nothing to give back. */
        NONE
    }

    static final String PENDING = "pending";
    static final String REFUNDED = "refunded";
    static final String PUBLISHER = "publisher";
    static final String NONE = "none";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    Long sessionId;

    Instant requestedAt;

    String basis;

    Long paidMinor;

    Long chargeMinor;

    /** Whole days (24-hour periods) of access paid for by {@link #chargeMinor}. */
    Integer daysHad;

    Long refundMinor;

    String currency;

    String refundBy;

    String refundStatus;

    Instant refundedAt;

    static Withdrawal of(Long sessionId, Instant at, WithdrawalTerms terms, String currency, RefundBy by) {
        Withdrawal w = new Withdrawal();
        w.sessionId = sessionId;
        w.requestedAt = at;
        w.basis = terms.basis().code();
        w.paidMinor = terms.paidMinor();
        w.chargeMinor = terms.chargeMinor();
        w.daysHad = (int) terms.daysHad();
        w.refundMinor = terms.refundMinor();
        w.currency = currency;
        w.refundBy = by.name().toLowerCase(java.util.Locale.ROOT);
        w.refundStatus = by == RefundBy.PROVIDER && terms.refundMinor() > 0 ? PENDING
                : by == RefundBy.PUBLISHER && terms.refundMinor() > 0 ? PUBLISHER : NONE;
        return w;
    }

    /** The withdrawal of checkout {@code sessionId}, if there is one. */
    public static Optional<Withdrawal> forCheckout(Long sessionId) {
        return find("sessionId", sessionId).firstResultOptional();
    }

    /** The provider refunded the money: the only move of a pending refund. */
    void refunded(Instant now) {
        if (!PENDING.equals(refundStatus)) {
            throw new IllegalStepException("refund of a withdrawal that is " + refundStatus);
        }
        refundStatus = REFUNDED;
        refundedAt = now;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public WithdrawalTerms.Basis basis() {
        return WithdrawalTerms.Basis.valueOf(basis.toUpperCase(java.util.Locale.ROOT));
    }

    public Money refund() {
        return Money.ofMinor(refundMinor, currency);
    }

    public Money charge() {
        return Money.ofMinor(chargeMinor, currency);
    }

    public RefundBy refundBy() {
        return RefundBy.valueOf(refundBy.toUpperCase(java.util.Locale.ROOT));
    }

    /** {@code pending}, {@code refunded}, {@code publisher} or {@code none}. */
    public String refundStatus() {
        return refundStatus;
    }

    boolean refundPending() {
        return PENDING.equals(refundStatus);
    }
}
