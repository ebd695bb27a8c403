package io.connectcheckout.connectid.sandbox.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import java.time.Clock;
import java.time.Instant;

/** Queues messages in the caller's transaction (mandatory: the message exists only if the change does). */
@ApplicationScoped
public class Outbox {

    private final Clock clock;

    public Outbox(@SandboxTime Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage email(String to, String subject, String body) {
        return queue(OutboxMessage.EMAIL, to, subject, body);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage sms(String to, String text) {
        return queue(OutboxMessage.SMS, to, null, text);
    }

    private OutboxMessage queue(String channel, String to, String subject, String body) {
        Instant now = clock.instant();
        OutboxMessage message = new OutboxMessage();
        message.channel = channel;
        message.recipient = to;
        message.subject = subject;
        message.body = body;
        message.status = OutboxMessage.PENDING;
        message.attempts = 0;
        message.nextAttemptAt = now;
        message.createdAt = now;
        message.persist();
        return message;
    }
}
