package io.connectcheckout.checkout;

/**
 * Where a checkout stands. Moves only along the legal transitions of {@link CheckoutSession}:
 *
 * <pre>
 * OFFER → DETAILS ⇄ DETAILS (edit) → PROCESSING (confirm: a new attempt)
 * PROCESSING → AWAITING_PAYMENT → PAID (prepaid: money verified, order pending) → COMPLETED
 * PROCESSING → COMPLETED (invoice, free)          AWAITING_PAYMENT → COMPLETED (paid at fulfillment)
 * PROCESSING | AWAITING_PAYMENT → DETAILS (cancelled: back to review) | FAILED (declined, error)
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
}
