package io.connectcheckout.payment.sandbox.payments;

import io.connectcheckout.payment.sandbox.merchants.PspMerchant;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A payment at the sandbox. Its state changes only through the methods below, which allow the
 * forward moves of {@link PspState} and nothing else.
 */
@Entity
@Table(name = "psp_payment")
public class PspPayment extends PanacheEntityBase {

    /** Shopper steps still open while the payment is CREATED. */
    public static final String STEP_THREE_DS = "THREE_DS";
    public static final String STEP_WALLET = "WALLET";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The public id: random, unguessable (it also addresses the hosted page). */
    public String paymentId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "merchant_id")
    public PspMerchant merchant;

    public String reference;

    public long amountMinor;

    public String currency;
    public String description;

    /** card or wallet */
    public String method;

    public String returnUrl;

    public String callbackUrl;

    public boolean recurring;

    @Enumerated(EnumType.STRING)
    public PspState state;

    public String pendingStep;

    public long capturedMinor;

    public long refundedMinor;

    public String maskedCard;

    public String maskedPhone;
    /** The shopper's mobile as the merchant sent it (E.164), pre-filled on the wallet page; null when none. */
    public String phoneNumber;

    public String failureReason;

    public Instant createdAt;

    public Instant expiresAt;

    public Instant updatedAt;

    @Version
    public long version;

    public static PspPayment byPaymentId(String paymentId) {
        return find("paymentId", paymentId).firstResult();
    }

    public boolean isOpen(Instant now) {
        return state == PspState.CREATED && now.isBefore(expiresAt);
    }

    /** The shopper's money is reserved. */
    public void authorize(String maskedCard, String maskedPhone) {
        move(PspState.AUTHORIZED);
        this.maskedCard = maskedCard;
        this.maskedPhone = maskedPhone;
        this.pendingStep = null;
    }

    public void fail(String reason, String maskedCard, String maskedPhone) {
        move(PspState.FAILED);
        this.failureReason = reason;
        this.maskedCard = maskedCard;
        this.maskedPhone = maskedPhone;
        this.pendingStep = null;
    }

    public void abort() {
        move(PspState.ABORTED);
        this.pendingStep = null;
    }

    public void expire() {
        move(PspState.EXPIRED);
        this.pendingStep = null;
    }

    /** Waits for a 3-D Secure challenge or a wallet confirmation; the payment stays CREATED. */
    public void awaitStep(String step, String maskedCard, String maskedPhone) {
        if (state != PspState.CREATED || pendingStep != null) {
            throw new IllegalMoveException(state, "await " + step);
        }
        this.pendingStep = step;
        this.maskedCard = maskedCard;
        this.maskedPhone = maskedPhone;
        this.updatedAt = Instant.now();
    }

    public void capture() {
        move(PspState.CAPTURED);
        this.capturedMinor = amountMinor;
    }

    public void cancel() {
        move(PspState.CANCELLED);
    }

    /** Refunds part or all of what is left of the captured amount. */
    public void refund(long amount) {
        PspState target = refundedMinor + amount == capturedMinor ? PspState.REFUNDED : PspState.PARTIALLY_REFUNDED;
        if (!state.canMoveTo(target)) {
            throw new IllegalMoveException(state, "refund");
        }
        if (amount <= 0 || refundedMinor + amount > capturedMinor) {
            throw new RefundTooLargeException(capturedMinor - refundedMinor);
        }
        refundedMinor += amount;
        state = target;
        updatedAt = Instant.now();
    }

    private void move(PspState target) {
        if (!state.canMoveTo(target)) {
            throw new IllegalMoveException(state, target.name());
        }
        state = target;
        updatedAt = Instant.now();
    }
}
