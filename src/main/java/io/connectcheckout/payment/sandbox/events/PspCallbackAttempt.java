package io.connectcheckout.payment.sandbox.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One attempt to deliver a callback, kept for the delivery log. */
@Entity
@Table(name = "psp_callback_attempt")
public class PspCallbackAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long callbackId;

    public int attempt;

    public Instant attemptedAt;

    public Integer httpStatus;

    public String outcome;
}
