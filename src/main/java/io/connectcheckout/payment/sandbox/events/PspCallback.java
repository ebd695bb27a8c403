package io.connectcheckout.payment.sandbox.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An outbox row: one callback to deliver, with the exact JSON body that will be signed. */
@Entity
@Table(name = "psp_callback")
public class PspCallback extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String GAVE_UP = "GAVE_UP";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long eventId;

    public Long paymentId;

    public String url;
    public String body;
    public String status;
    public int attempts;

    public Instant nextAttemptAt;

    public String claimedBy;

    public Instant claimedUntil;

    public Instant deliveredAt;
}
