package io.connectcheckout.checkout;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An e-mail of the checkout's own (table {@code checkout_mail}, V21): written, rendered, in the
 * transaction of the change that causes it, at most one per checkout and {@link #kind} (a unique
 * key), then sent by {@link CheckoutMailWorker}. The rendered text and HTML stay as the durable
 * copy of what the shopper was told (Consumer Rights Directive art. 8(7)).
 */
@Entity
@Table(name = "checkout_mail")
public class CheckoutMail extends PanacheEntityBase {

    /** The order confirmation sent when an order is completed (issue 14 item 3). */
    public static final String ORDER_CONFIRMATION = "order_confirmation";

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    Long sessionId;

    String kind;

    String recipient;

    /** The language it was written in ({@code en}, {@code nb}). */
    String locale;

    /** The publisher's support address, where a reply should go; null when none. */
    String replyTo;

    String subject;

    String textBody;

    String htmlBody;

    String status;

    Integer attempts;

    Instant nextAttemptAt;

    Instant lockedUntil;

    String lastError;

    Instant createdAt;

    Instant sentAt;

    /** The checkout's notice to the publisher's support address that a shopper withdrew (issue 14 item 4). */
    public static final String WITHDRAWAL_NOTICE = "withdrawal_notice";
    /** The acknowledgement of a withdrawal sent to the shopper, with its date and time (issue 14 item 4). */
    public static final String WITHDRAWAL_CONFIRMATION = "withdrawal_confirmation";

    /** Writes a message for sending, in the caller's transaction; the unique key refuses a second of a kind. */
    static CheckoutMail queue(Long sessionId, String kind, String to, java.util.Locale locale, String replyTo,
            String subject, String text, String html, Instant now) {
        CheckoutMail mail = new CheckoutMail();
        mail.sessionId = sessionId;
        mail.kind = kind;
        mail.recipient = to;
        mail.locale = locale.getLanguage();
        mail.replyTo = replyTo;
        mail.subject = subject;
        mail.textBody = text;
        mail.htmlBody = html;
        mail.status = PENDING;
        mail.attempts = 0;
        mail.nextAttemptAt = now;
        mail.createdAt = now;
        mail.persist();
        return mail;
    }

    /** The message of {@code kind} for checkout {@code sessionId}, if one was written. */
    public static java.util.Optional<CheckoutMail> of(Long sessionId, String kind) {
        return find("sessionId = ?1 and kind = ?2", sessionId, kind).firstResultOptional();
    }

    void sent(Instant now) {
        status = SENT;
        attempts = attempts + 1;
        sentAt = now;
        lockedUntil = null;
        lastError = null;
    }

    /** A failed attempt: retry after 30 s, 1 min, 2 min, … until {@code maxAttempts}, then give up. */
    void failed(String error, Instant now, int maxAttempts) {
        attempts = attempts + 1;
        lastError = error == null ? "error" : error.substring(0, Math.min(500, error.length()));
        lockedUntil = null;
        if (attempts >= maxAttempts) {
            status = FAILED;
        } else {
            nextAttemptAt = io.connectcheckout.common.RetryBackoff.next(now, attempts);
        }
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String status() {
        return status;
    }

    public String locale() {
        return locale;
    }
}
