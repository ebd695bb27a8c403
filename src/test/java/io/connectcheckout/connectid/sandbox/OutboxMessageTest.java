package io.connectcheckout.connectid.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectcheckout.connectid.sandbox.messages.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A failed send is retried later and later, and given up after the last attempt. */
class OutboxMessageTest {

    @Test
    void failuresBackOffThenGiveUp() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        OutboxMessage message = new OutboxMessage();
        message.status = OutboxMessage.PENDING;
        message.attempts = 0;
        message.nextAttemptAt = now;
        message.lockedUntil = now.plusSeconds(120);

        message.failed("smtp down", now, 3);
        assertEquals(OutboxMessage.PENDING, message.status);
        assertEquals(now.plus(Duration.ofSeconds(30)), message.nextAttemptAt);
        assertNull(message.lockedUntil);
        message.failed("smtp down", now, 3);
        assertEquals(now.plus(Duration.ofSeconds(60)), message.nextAttemptAt);
        message.failed("smtp down", now, 3);
        assertEquals(OutboxMessage.FAILED, message.status);
        assertEquals(3, message.attempts);
        assertEquals("smtp down", message.lastError);
    }

    @Test
    void aSentMessageRecordsWhen() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        OutboxMessage message = new OutboxMessage();
        message.status = OutboxMessage.PENDING;
        message.attempts = 1;
        message.lastError = "earlier failure";
        message.sent(now);
        assertEquals(OutboxMessage.SENT, message.status);
        assertEquals(now, message.sentAt);
        assertEquals(2, message.attempts);
        assertNull(message.lastError);
    }
}
