package io.connectcheckout.checkout;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a checkout stands, and the only moves between steps ({@link Move}): the transition table
 * every state change of {@link CheckoutSession} reads its guard from.
 *
 * <pre>
 * OFFER → DETAILS ⇄ DETAILS (edit) → PROCESSING (confirm: a new attempt)
 * PROCESSING → AWAITING_PAYMENT → PAID (prepaid: money verified, order pending) → COMPLETED
 * PROCESSING → COMPLETED (invoice, free)          AWAITING_PAYMENT → COMPLETED (paid at fulfillment)
 * PROCESSING | AWAITING_PAYMENT → DETAILS (cancelled: back to review) | FAILED (declined, error)
 * PAID → FAILED (ConnectID refused the order: refund)
 * FAILED → PROCESSING (try again: a new attempt)  COMPLETED: final
 * </pre>
 */
public enum Step {
    OFFER, DETAILS, PROCESSING, AWAITING_PAYMENT, PAID, COMPLETED, FAILED;

    /** Payer details may still be edited (nothing is in flight and nothing was bought). */
    public boolean editable() {
        return this == OFFER || this == DETAILS || this == FAILED;
    }

    /** An attempt is running: its outcome is not known yet. */
    public boolean inFlight() {
        return this == PROCESSING || this == AWAITING_PAYMENT || this == PAID;
    }

    /** Whether {@code move} is legal in this step. */
    public boolean allows(Move move) {
        return move.from.contains(this);
    }

    /** The step after {@code move} from this one (the same step for moves that do not change it). */
    public Step after(Move move) {
        return move.to == null ? this : move.to;
    }

    /**
     * The transition table: each state change of a checkout, the steps it is legal in, and the step
     * it leads to ({@code null}: it stays). A move not legal in the current step is refused with
     * {@link IllegalStepException}; nothing else may change {@link CheckoutSession#step()}.
     */
    public enum Move {
        CHOOSE_PAYMENT_OPTION(editableSteps(), null),
        BEGIN_LOGIN(editableSteps(), null),
        LOG_IN(editableSteps(), null),
        SAVE_DETAILS(editableSteps(), DETAILS),
        /** Confirm: a new attempt with its own externalOrderId. */
        BEGIN_ATTEMPT(EnumSet.of(DETAILS, FAILED), PROCESSING),
        /** Register order is claimed, recorded, or its lapsed login dropped: the order is still to register. */
        REGISTER_ORDER(EnumSet.of(PROCESSING, PAID), null),
        START_PAYMENT(EnumSet.of(PROCESSING), null),
        AWAIT_PAYMENT(EnumSet.of(PROCESSING), AWAITING_PAYMENT),
        MARK_PAID(EnumSet.of(PROCESSING, AWAITING_PAYMENT), PAID),
        COMPLETE(EnumSet.of(PROCESSING, AWAITING_PAYMENT, PAID), COMPLETED),
        ASSIGN_USER(EnumSet.of(COMPLETED), null),
        /** The shopper cancelled at the payment step: back to review. */
        CANCEL(EnumSet.of(PROCESSING, AWAITING_PAYMENT), DETAILS),
        FAIL(EnumSet.of(PROCESSING, AWAITING_PAYMENT), FAILED),
        /** Paid, but ConnectID refused the order for good: the money goes back. */
        REFUND_AFTER_REFUSAL(EnumSet.of(PAID), FAILED),
        RECORD_REFUND(EnumSet.of(FAILED), null);

        private final Set<Step> from;
        private final Step to;

        Move(Set<Step> from, Step to) {
            this.from = from;
            this.to = to;
        }

        /** The steps this move is legal in. */
        public Set<Step> from() {
            return EnumSet.copyOf(from);
        }

        private static Set<Step> editableSteps() {
            return EnumSet.of(OFFER, DETAILS, FAILED);
        }
    }
}
