package io.connectcheckout.checkout;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.MailerName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends the checkout's due e-mails ({@link CheckoutMail}) through its own mailer
 * ({@code quarkus.mailer.checkout.*}). Each message is claimed with a conditional UPDATE (safe with
 * several instances, on H2 and PostgreSQL), sent outside any transaction, and its result recorded
 * in a transaction of its own; a failed send is retried with growing delays (30 s, 1 min, …) up to
 * {@link #MAX_ATTEMPTS} times. A claim lasts {@link #CLAIM}: an instance that dies while sending
 * leaves the message to another after that (at worst sent twice, never lost).
 */
@ApplicationScoped
public class CheckoutMailWorker {

    private static final Logger LOG = Logger.getLogger(CheckoutMailWorker.class);
    static final Duration CLAIM = Duration.ofMinutes(2);
    static final int MAX_ATTEMPTS = 10;

    private final Mailer mailer;
    private final CheckoutStore store;
    private final Clock clock;

    public CheckoutMailWorker(@MailerName("checkout") Mailer mailer, CheckoutStore store, Clock clock) {
        this.mailer = mailer;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(every = "${checkout.mail.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            if (!io.connectcheckout.web.Failures.isUnavailable(e)) {
                throw e;
            }
            // The database is down (the PostgreSQL restart drill): the messages wait in the outbox;
            // one line, no stack trace each second (the scheduler logs an ERROR with one otherwise).
            LOG.warnf("Checkout mail waits: the database is unavailable (%s)", e.getClass().getSimpleName());
        }
    }

    /** Sends every due message; returns how many were sent. */
    public int sendDue() {
        Instant now = clock.instant();
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> CheckoutMail
                .find("status = ?1 and nextAttemptAt <= ?2 and (lockedUntil is null or lockedUntil < ?2) order by id",
                        CheckoutMail.PENDING, now)
                .page(0, 50).list().stream().map(m -> ((CheckoutMail) m).id).toList());
        int sent = 0;
        for (Long id : due) {
            if (claim(id, now) && deliver(id)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean claim(Long id, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> CheckoutMail.update(
                "lockedUntil = ?1 where id = ?2 and status = ?3 and (lockedUntil is null or lockedUntil < ?4)",
                now.plus(CLAIM), id, CheckoutMail.PENDING, now)) == 1;
    }

    private boolean deliver(Long id) {
        CheckoutMail message = QuarkusTransaction.requiringNew().call(() -> CheckoutMail.<CheckoutMail>findById(id));
        Mail mail = Mail.withHtml(message.recipient, message.subject, message.htmlBody).setText(message.textBody)
                // RFC 3834 §5: sent by a program, no auto-replies wanted.
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("Content-Language", message.locale);
        if (message.replyTo != null) {
            mail.setReplyTo(message.replyTo);
        }
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            // The address is personal data: the log names the message by its id only.
            LOG.warnf("Sending checkout mail %d failed: %s", id, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> CheckoutMail.<CheckoutMail>findById(id)
                    .failed(e.getMessage(), clock.instant(), MAX_ATTEMPTS));
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> CheckoutMail.<CheckoutMail>findById(id).sent(clock.instant()));
        store.record(message.sessionId, CheckoutEventType.CONFIRMATION_SENT, message.kind);
        return true;
    }
}
