package io.connectcheckout.checkout;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The checkout's current attempt (one per confirm): its number, its id towards ConnectID and the
 * payment provider ({@code externalOrderId} = reference-number, sent unchanged on every retry),
 * the order and payment it produced, and how it ended. Changed only by {@link CheckoutSession}'s moves.
 */
@Embeddable
public class Attempt {

    @Column(name = "attempt")
    private int number;
    private String externalOrderId;
    @Column(name = "connectid_order_id")
    private Long connectIdOrderId;
    private String paymentId;
    /** The provider's page of the payment, where the shopper pays it (again, after Back). */
    private String paymentUrl;
    private Outcome outcome;
    private boolean userAssigned;
    private Boolean newUser;
    /** When the shopper confirmed: the links handed out for this attempt expire counted from here. */
    @Column(name = "attempt_started_at")
    private Instant startedAt;

    /** A new attempt of checkout {@code reference}: nothing of the previous one carries over. */
    void begin(String reference, Instant now) {
        number++;
        startedAt = now;
        externalOrderId = reference + "-" + number;
        connectIdOrderId = null;
        paymentId = null;
        paymentUrl = null;
        outcome = null;
    }

    void orderRegistered(long orderId) {
        connectIdOrderId = orderId;
    }

    void paymentStarted(String id, String pageUrl) {
        paymentId = id;
        paymentUrl = pageUrl;
    }

    void ended(Outcome how) {
        outcome = how;
    }

    void userAssigned(boolean isNewUser) {
        userAssigned = true;
        newUser = isNewUser;
    }

    /** 1 after the first confirm, 0 before. */
    /** When this attempt began (the confirm), or null before the first. */
    public Instant startedAt() {
        return startedAt;
    }

    public int number() {
        return number;
    }

    public String externalOrderId() {
        return externalOrderId;
    }

    /** ConnectID's order id, once registered. */
    public Long connectIdOrderId() {
        return connectIdOrderId;
    }

    /** The payment provider's payment id (prepaid flows), once started. */
    public String paymentId() {
        return paymentId;
    }

    /** The payment provider's page of the attempt's payment, once started. */
    public String paymentUrl() {
        return paymentUrl;
    }

    /** How the attempt ended, or null while it runs. */
    public Outcome outcome() {
        return outcome;
    }

    /** A guest's order was given a ConnectID account (Assign user). */
    public boolean userAssigned() {
        return userAssigned;
    }

    /** Whether Assign user created a new account (null until assigned). */
    public Boolean newUser() {
        return newUser;
    }
}
