package io.connectcheckout.payment.sandbox.events;

import io.connectcheckout.payment.api.CallbackSignature;
import io.connectcheckout.payment.sandbox.PspConfig;
import io.connectcheckout.payment.sandbox.payments.PspPayment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the callback outbox: signs each body, POSTs it, records every attempt, and retries with
 * exponential back-off until the receiver answers 2xx (or {@code max-attempts} is reached).
 *
 * <p>Claiming: a row is taken with a conditional UPDATE that sets {@code claimed_by} and a lease
 * ({@code claimed_until}) only if nobody holds a live lease; the database lets exactly one
 * instance win that UPDATE, so two instances never send the same attempt. Both databases support
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} (H2 since 2.2.220), but a row lock lives only as long
 * as its transaction: it would keep a transaction and a connection open across the HTTP call.
 * The lease needs neither, and a crashed sender's lease simply runs out.
 */
@ApplicationScoped
public class CallbackDispatcher {

    private static final Logger LOG = Logger.getLogger(CallbackDispatcher.class);

    private final boolean sandboxEnabled;
    private final PspConfig.Callbacks config;
    private final String instance = "psp-" + UUID.randomUUID();
    private final HttpClient http;

    public CallbackDispatcher(@ConfigProperty(name = "sandbox.enabled", defaultValue = "true") boolean sandboxEnabled,
            PspConfig config) {
        this.sandboxEnabled = sandboxEnabled;
        this.config = config.callbacks();
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(identity = "psp-callbacks", every = "${sandbox.psp.callbacks.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        if (!sandboxEnabled) {
            return;
        }
        for (Claimed callback : claim()) {
            deliver(callback);
        }
    }

    /** A claimed outbox row, detached from any transaction. */
    public record Claimed(Long id, String url, String body, String secret, int attempt) {
    }

    public List<Claimed> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            List<PspCallback> due = PspCallback.find(
                    "status = ?1 and nextAttemptAt <= ?2 and (claimedUntil is null or claimedUntil < ?2) order by nextAttemptAt",
                    PspCallback.PENDING, now).page(0, config.batchSize()).list();
            List<Claimed> mine = new ArrayList<>();
            Instant lease = now.plus(config.timeout().multipliedBy(2)).plusSeconds(30);
            for (PspCallback row : due) {
                int won = PspCallback.update("claimedBy = ?1, claimedUntil = ?2 where id = ?3 and status = ?4 "
                        + "and (claimedUntil is null or claimedUntil < ?5)", instance, lease, row.id,
                        PspCallback.PENDING, now);
                if (won == 1) {
                    PspPayment payment = PspPayment.findById(row.paymentId);
                    mine.add(new Claimed(row.id, row.url, row.body, payment.merchant.callbackSecret, row.attempts + 1));
                }
            }
            return mine;
        });
    }

    void deliver(Claimed callback) {
        byte[] body = callback.body().getBytes(StandardCharsets.UTF_8);
        Integer status = null;
        String outcome;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(callback.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header(CallbackSignature.HEADER,
                            CallbackSignature.header(callback.secret(), Instant.now().getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            outcome = status / 100 == 2 ? "delivered" : "refused with HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } catch (Exception e) {
            outcome = "failed: " + e.getClass().getSimpleName();
        }
        record(callback, status, outcome);
    }

    private void record(Claimed callback, Integer status, String outcome) {
        boolean delivered = status != null && status / 100 == 2;
        QuarkusTransaction.requiringNew().run(() -> {
            PspCallback row = PspCallback.findById(callback.id());
            Instant now = Instant.now();
            PspCallbackAttempt attempt = new PspCallbackAttempt();
            attempt.callbackId = row.id;
            attempt.attempt = callback.attempt();
            attempt.attemptedAt = now;
            attempt.httpStatus = status;
            attempt.outcome = outcome.length() > 200 ? outcome.substring(0, 200) : outcome;
            attempt.persist();
            row.attempts = callback.attempt();
            row.claimedBy = null;
            row.claimedUntil = null;
            if (delivered) {
                row.status = PspCallback.DELIVERED;
                row.deliveredAt = now;
            } else if (row.attempts >= config.maxAttempts()) {
                row.status = PspCallback.GAVE_UP;
                LOG.warnf("Callback %d to %s given up after %d attempts", row.id, row.url, row.attempts);
            } else {
                row.nextAttemptAt = now.plus(backoff(row.attempts));
            }
        });
    }

    /** Wait after the n-th failed attempt: initial × 2^(n-1), capped. */
    Duration backoff(int failedAttempts) {
        Duration wait = config.initialBackoff();
        for (int i = 1; i < failedAttempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
