package io.connectcheckout.payment.sandbox.events;

import io.connectcheckout.payment.sandbox.payments.PspState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in a payment's history; each one is also a callback with the same event id. */
@Entity
@Table(name = "psp_payment_event")
public class PspPaymentEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String eventId;

    public Long paymentId;

    /** What happened: created, authorized, declined, captured, refunded, ... */
    public String type;

    @Enumerated(EnumType.STRING)
    public PspState state;

    /** The amount the event is about (the payment's amount, or the refunded part). */
    public long amountMinor;

    public Instant occurredAt;
}
