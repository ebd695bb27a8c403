package io.connectcheckout.checkout;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id")
    public Long sessionId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String type;

    public String detail;

    static void record(Long sessionId, String type, String detail) {
        CheckoutEvent event = new CheckoutEvent();
        event.sessionId = sessionId;
        event.occurredAt = Instant.now();
        event.type = type;
        event.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        event.persist();
    }

    public static List<CheckoutEvent> timeline(Long sessionId) {
        return list("sessionId = ?1 order by occurredAt, id", sessionId);
    }
}
