package io.connectcheckout.connectid.sandbox.messages;

import io.connectcheckout.connectid.sandbox.ConnectIdSandboxConfig;
import io.connectcheckout.connectid.sandbox.SandboxSwitch;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends due outbox messages. Each message is claimed with a conditional UPDATE (portable across
 * H2 and PostgreSQL, safe with several instances), sent outside any transaction, and its result
 * recorded in a transaction of its own.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final Mailer mailer;
    private final SmsSender sms;
    private final Clock clock;
    private final ConnectIdSandboxConfig config;
    private final SandboxSwitch sandbox;

    public OutboxWorker(Mailer mailer, SmsSender sms, @SandboxTime Clock clock, ConnectIdSandboxConfig config, SandboxSwitch sandbox) {
        this.mailer = mailer;
        this.sms = sms;
        this.clock = clock;
        this.config = config;
        this.sandbox = sandbox;
    }

    @Scheduled(every = "${sandbox.connectid.outbox.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (sandbox.enabled()) {
            sendDue();
        }
    }

    /** Sends every due message; returns how many were sent. */
    public int sendDue() {
        Instant now = clock.instant();
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .find("status = ?1 and nextAttemptAt <= ?2 and (lockedUntil is null or lockedUntil < ?2) order by id",
                        OutboxMessage.PENDING, now)
                .page(0, 50).list().stream().map(m -> ((OutboxMessage) m).id).toList());
        int sent = 0;
        for (Long id : due) {
            if (claim(id, now) && deliver(id)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean claim(Long id, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.update(
                "lockedUntil = ?1 where id = ?2 and status = ?3 and (lockedUntil is null or lockedUntil < ?4)",
                now.plus(CLAIM), id, OutboxMessage.PENDING, now)) == 1;
    }

    private boolean deliver(Long id) {
        OutboxMessage message = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(id));
        try {
            if (OutboxMessage.EMAIL.equals(message.channel)) {
                mailer.send(Mail.withText(message.recipient, message.subject, message.body));
            } else {
                sms.send(message.recipient, message.body);
            }
            QuarkusTransaction.requiringNew().run(() -> OutboxMessage.<OutboxMessage>findById(id).sent(clock.instant()));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Sending %s message %d failed: %s", message.channel, id, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> OutboxMessage.<OutboxMessage>findById(id)
                    .failed(e.getMessage(), clock.instant(), config.messages().maxAttempts()));
            return false;
        }
    }
}
