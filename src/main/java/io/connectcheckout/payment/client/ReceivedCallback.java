package io.connectcheckout.payment.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A callback event a receiver has already processed; the unique event id makes replays harmless. */
@Entity
@Table(name = "payment_callback_inbox")
public class ReceivedCallback extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String eventId;

    public String paymentId;

    public String state;

    public Instant receivedAt;
}
