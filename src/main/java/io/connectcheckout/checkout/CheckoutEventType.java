package io.connectcheckout.checkout;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/**
 * What a line of a checkout's timeline records. Stored as its lower-case {@link #code()}
 * ({@code checkout_event.type}), which the support view and the audits read.
 */
public enum CheckoutEventType {
    STARTED, PAYMENT_OPTION, DETAILS_SAVED,
    LOGIN_STARTED, LOGGED_IN, LOGGED_OUT, LOGIN_REFRESHED,
    /** ConnectID no longer accepts the shopper's login: the order is registered as a guest's. */
    LOGIN_LAPSED,
    ATTEMPT_STARTED, SENT_TO_FULFILLMENT,
    ORDER_REGISTRATION_STARTED, ORDER_REGISTRATION_FAILED,
    /** Register order was sent and no answer came back: ConnectID may hold the order. */
    ORDER_REGISTRATION_UNANSWERED,
    ORDER_REGISTERED, ORDER_REFUSED, ORDER_COMPLETED, ORDER_CANCELLED, ORDER_FAILED, ORDER_COMPLETION_REFUSED,
    PAYMENT_STARTED, PAYMENT_CALLBACK, PAYMENT_CALLBACK_IGNORED, PAYMENT_AMOUNT_MISMATCH,
    PAYMENT_CAPTURED, PAYMENT_VERIFIED, PAYMENT_CANCELLED, PAYMENT_FAILED, PAYMENT_EXPIRED, PAYMENT_ABORTED,
    PAYMENT_REFUNDED, PAYMENT_PARTIALLY_REFUNDED,
    USER_ASSIGNMENT_STARTED, USER_ASSIGNED,
    /** The order confirmation was written for sending (issue 14 item 3); its sending is {@link #CONFIRMATION_SENT}. */
    CONFIRMATION_QUEUED, CONFIRMATION_SENT,
    /** No order confirmation: the payer gave no e-mail address. */
    CONFIRMATION_NOT_SENT,
    /** The shopper withdrew from the completed order (issue 14 item 4); what it refunds is in {@code checkout_withdrawal}. */
    WITHDRAWN, WITHDRAWAL_REFUNDED, WITHDRAWAL_REFUND_FAILED,
    /** The reconciliation job moved the checkout on. */
    RECONCILED;

    /** The stored value, e.g. {@code order_registered}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return code();
    }

    /** Stores a {@link CheckoutEventType} as its {@link #code()}. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<CheckoutEventType, String> {
        @Override
        public String convertToDatabaseColumn(CheckoutEventType type) {
            return type == null ? null : type.code();
        }

        @Override
        public CheckoutEventType convertToEntityAttribute(String code) {
            return code == null ? null : valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
