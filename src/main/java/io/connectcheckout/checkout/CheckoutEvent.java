package io.connectcheckout.checkout;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One line of a checkout's timeline: what happened, when. Never holds tokens or card data. */
@Entity
@Table(name = "checkout_event")
public class CheckoutEvent extends PanacheEntityBase {

    /** Longest detail kept (the column's size); longer ones are cut. */
    static final int MAX_DETAIL = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long sessionId;

    private Instant occurredAt;

    private CheckoutEventType type;

    private String detail;

    /** Appends a line to the timeline of checkout {@code sessionId}, inside the caller's transaction. */
    static void record(Long sessionId, Instant at, CheckoutEventType type, String detail) {
        CheckoutEvent event = new CheckoutEvent();
        event.sessionId = sessionId;
        event.occurredAt = at;
        event.type = type;
        event.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        event.persist();
    }

    /** When checkout {@code sessionId} first recorded {@code type}, if it did. */
    public static java.util.Optional<Instant> firstAt(Long sessionId, CheckoutEventType type) {
        return CheckoutEvent.<CheckoutEvent>find("sessionId = ?1 and type = ?2 order by occurredAt, id", sessionId, type)
                .firstResultOptional().map(CheckoutEvent::occurredAt);
    }

    /** The checkout's timeline, oldest first. */
    public static List<CheckoutEvent> timeline(Long sessionId) {
        return list("sessionId = ?1 order by occurredAt, id", sessionId);
    }

    public Long sessionId() {
        return sessionId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public CheckoutEventType type() {
        return type;
    }

    public String detail() {
        return detail;
    }
}
