package io.connectcheckout.payment.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.payment.sandbox.events.CallbackDispatcher;
import io.connectcheckout.payment.sandbox.events.PspCallback;
import io.connectcheckout.payment.sandbox.events.PspPaymentEvent;
import io.connectcheckout.payment.sandbox.payments.PspPayment;
import io.connectcheckout.payment.sandbox.payments.PspState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Four instances claiming the callback outbox at once never take the same row twice. */
@QuarkusTest
@TestProfile(CallbackClaimTest.NoScheduler.class)
class CallbackClaimTest {

    /** The scheduled workers stay off so only the instances of this test claim. */
    public static class NoScheduler implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false", "sandbox.psp.callbacks.batch-size", "100");
        }
    }

    @Inject
    PspConfig config;

    @Test
    void concurrentClaimsAreDisjointAndCoverEveryDueRow() throws Exception {
        String paymentId = PspTestClient.createPayment("card", 100);
        List<Long> rows = QuarkusTransaction.requiringNew().call(() -> {
            PspPayment payment = PspPayment.byPaymentId(paymentId);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                PspPaymentEvent event = new PspPaymentEvent();
                event.eventId = "evt_c" + i + "_" + paymentId.substring(4, 24);
                event.paymentId = payment.id;
                event.type = "test";
                event.state = PspState.CREATED;
                event.occurredAt = Instant.now();
                event.persist();
                PspCallback callback = new PspCallback();
                callback.eventId = event.id;
                callback.paymentId = payment.id;
                callback.url = "http://localhost:1/unused";
                callback.body = "{}";
                callback.status = PspCallback.PENDING;
                callback.nextAttemptAt = Instant.now().minusSeconds(1);
                callback.persist();
                ids.add(callback.id);
            }
            return ids;
        });

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<CallbackDispatcher.Claimed>>> claims = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                CallbackDispatcher instance = new CallbackDispatcher(true, config);
                Callable<List<CallbackDispatcher.Claimed>> claim = () -> {
                    start.await();
                    return instance.claim();
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            Set<Long> seen = new HashSet<>();
            int total = 0;
            for (Future<List<CallbackDispatcher.Claimed>> claim : claims) {
                for (CallbackDispatcher.Claimed row : claim.get()) {
                    assertTrue(seen.add(row.id()), "row " + row.id() + " claimed twice");
                    total++;
                }
            }
            assertEquals(40, total);
            assertEquals(new HashSet<>(rows), seen);
        } finally {
            pool.shutdownNow();
        }
    }
}
