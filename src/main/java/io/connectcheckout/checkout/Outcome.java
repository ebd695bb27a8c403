package io.connectcheckout.checkout;

import io.connectcheckout.payment.client.PaymentState;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/**
 * How a checkout's latest attempt ended, as kept in {@code checkout_session.outcome} (the
 * lower-case codes are the stored values, unchanged since V4).
 */
public enum Outcome {
    COMPLETED, CANCELLED,
    /** Failed after the money was taken; the refund is not confirmed yet. */
    REFUND_PENDING,
    REFUNDED, PARTIALLY_REFUNDED,
    /** The payment's amount was not the checkout's price: cancelled, never turned into an order. */
    AMOUNT_MISMATCH,
    /** ConnectID's fulfillment reported the payment failed. */
    DECLINED,
    /** ConnectID refused Complete order. */
    COMPLETION_REFUSED,
    /** The prepaid payment ended without money (payment states FAILED, EXPIRED, ABORTED). */
    FAILED, EXPIRED, ABORTED,
    /** The prepaid payment failed: the card's 3-D Secure check was not passed (issue 14 item 6). */
    THREE_DS_FAILED,
    /** The prepaid payment failed: the shopper rejected it in the wallet app. */
    WALLET_REJECTED,
    /** The prepaid payment failed: the card issuer declined it (also for insufficient funds). */
    CARD_DECLINED;

    /** The stored value, e.g. {@code refund_pending}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The outcome of a prepaid payment that ended in {@code state} without an order, as exactly as
     * the provider's {@code failureReason} tells it (so the failure page says what happened).
     */
    static Outcome ofPayment(PaymentState state, String failureReason) {
        if (state == PaymentState.FAILED && failureReason != null) {
            switch (failureReason) {
                case "three_ds_failed" -> {
                    return THREE_DS_FAILED;
                }
                case "wallet_rejected" -> {
                    return WALLET_REJECTED;
                }
                case "declined", "insufficient_funds" -> {
                    return CARD_DECLINED;
                }
                default -> {
                    return FAILED;
                }
            }
        }
        return ofPayment(state);
    }

    /** The outcome of a checkout whose prepaid payment ended in {@code state} without an order. */
    static Outcome ofPayment(PaymentState state) {
        return switch (state) {
            case FAILED -> FAILED;
            case EXPIRED -> EXPIRED;
            case ABORTED -> ABORTED;
            case CANCELLED -> CANCELLED;
            case REFUNDED -> REFUNDED;
            case PARTIALLY_REFUNDED -> PARTIALLY_REFUNDED;
            default -> throw new IllegalArgumentException("not an ended payment: " + state);
        };
    }

    /** Stores an {@link Outcome} as its {@link #code()}. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Outcome, String> {
        @Override
        public String convertToDatabaseColumn(Outcome outcome) {
            return outcome == null ? null : outcome.code();
        }

        @Override
        public Outcome convertToEntityAttribute(String code) {
            return code == null ? null : valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
