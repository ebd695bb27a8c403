package io.connectcheckout.connectid.sandbox.orders;

import io.connectcheckout.connectid.sandbox.oauth.CidClient;
import io.connectcheckout.connectid.sandbox.users.CidUser;
import io.connectcheckout.connectid.sandbox.users.Customer;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A registered order. Its status changes only through {@link #moveTo}, which allows
 * {@code preliminary} → {@code completed} | {@code cancelled} | {@code failed} and records each
 * move in the history.
 */
@Entity
@Table(name = "cid_order")
public class SandboxOrder extends PanacheEntityBase {

    /** Methods completed by Complete order without any shopper interaction (our reading of the contract). */
    public static final Set<String> NON_INTERACTIVE = Set.of("invoice", "free", "sms", "other");
    /**
     * Methods Complete order also completes when not prepaid: the reference's list for the
     * fulfillment API (connectid-api-notes.md §2.3: sms, invoice, free, kco, creditcardPayex, other),
     * where the card agreement or Klarna order stored with the provider is charged without the shopper.
     * The sandbox holds no such agreements and moves no money for them.
     */
    public static final Set<String> API_CHARGED = Set.of("kco", "creditcardPayex");
    /** Methods the payment provider collects by card on its hosted page. */
    public static final Set<String> CARD_METHODS = Set.of("creditcardPayex", "nexi", "kco");
    /** Methods the payment provider collects with a wallet approval. */
    public static final Set<String> WALLET_METHODS = Set.of("vippsEcommerce", "vippsRecurring", "swishPayex", "smsPay");

    /** Random, not counted ({@link OrderIds}): set by {@code OrderService} before the order is stored. */
    @Id
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id")
    public CidClient client;

    public String externalOrderId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    public CidUser user;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    public String paymentMethod;

    public boolean prepaid;

    public boolean recurring;

    @Column(precision = 12, scale = 2)
    public BigDecimal orderAmount;

    public String currency;

    @Enumerated(EnumType.STRING)
    private OrderState status = OrderState.PRELIMINARY;

    public Instant orderTime;

    public Instant orderDate;

    public String marketingCouponCode;

    public Integer marketingCouponNumber;

    public String campaignParameters;

    public String companyCode;

    /** The prepaid transaction id, or the payment started by the fulfillment URL. */
    public String paymentReference;

    /** The last fulfillment outcome: success, cancel, error or unknown. */
    public String fulfillmentStatus;

    /** The client's returnUrl of the last fulfillment visit. */
    public String returnUrl;

    /** The client's errorUrl of the last fulfillment visit. */
    public String errorUrl;

    @Version
    public Long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("lineNo")
    public List<SandboxOrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("changedAt, id")
    public List<OrderStatusChange> history = new ArrayList<>();

    public OrderState status() {
        return status;
    }

    /** Starts the history; call once when the order is created. */
    public void register(Instant now) {
        record(OrderState.PRELIMINARY, "registered", now);
    }

    /**
     * Moves the order to a terminal status.
     *
     * @throws IllegalStateException when the order is already completed, cancelled or failed
     */
    public void moveTo(OrderState next, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("Order " + id + " is " + status.wire() + " and cannot become " + next.wire());
        }
        status = next;
        record(next, note, now);
        if (next == OrderState.COMPLETED && Arc.container() != null) {
            // Observers (the customer's subscriptions) join this transaction: a completion and what it gives stay together.
            Arc.container().beanManager().getEvent().select(OrderCompleted.class).fire(new OrderCompleted(this, now));
        }
    }

    /** The {@code fulfillmentStatus} a finished order reports: success, cancel or error. */
    public String outcome() {
        return switch (status) {
            case COMPLETED -> "success";
            case CANCELLED -> "cancel";
            case FAILED -> "error";
            case PRELIMINARY -> "unknown";
        };
    }

    public boolean interactionFree() {
        return prepaid || NON_INTERACTIVE.contains(paymentMethod);
    }

    /** Whether Complete order – client mode completes this order (connectid-api-notes.md §2.3). */
    public boolean completableByApi() {
        return interactionFree() || API_CHARGED.contains(paymentMethod);
    }

    private void record(OrderState state, String note, Instant now) {
        OrderStatusChange change = new OrderStatusChange();
        change.order = this;
        change.status = state;
        change.note = note == null ? null : note.substring(0, Math.min(200, note.length()));
        change.changedAt = now;
        history.add(change);
    }
}
