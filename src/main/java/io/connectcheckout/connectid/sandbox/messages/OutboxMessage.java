package io.connectcheckout.connectid.sandbox.messages;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An e-mail or SMS waiting to be sent, written in the same transaction as the change that caused
 * it. The worker claims it, sends it, and records the result; failures back off and retry.
 */
@Entity
@Table(name = "cid_outbox")
public class OutboxMessage extends PanacheEntityBase {

    public static final String EMAIL = "email";
    public static final String SMS = "sms";
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String channel;

    public String recipient;

    public String subject;

    public String body;

    public String status;

    public Integer attempts;

    public Instant nextAttemptAt;

    public Instant lockedUntil;

    public String lastError;

    public Instant createdAt;

    public Instant sentAt;

    public void sent(Instant now) {
        status = SENT;
        attempts = attempts + 1;
        sentAt = now;
        lockedUntil = null;
        lastError = null;
    }

    /** Records a failed attempt: back off exponentially (30 s, 1 min, 2 min, ...) or give up after maxAttempts. */
    public void failed(String error, Instant now, int maxAttempts) {
        attempts = attempts + 1;
        lastError = error == null ? "error" : error.substring(0, Math.min(500, error.length()));
        lockedUntil = null;
        if (attempts >= maxAttempts) {
            status = FAILED;
        } else {
            nextAttemptAt = io.connectcheckout.common.RetryBackoff.next(now, attempts);
        }
    }
}
