package io.connectcheckout.payment.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.payment.sandbox.events.CallbackDispatcher;
import io.connectcheckout.payment.sandbox.events.PspCallback;
import io.connectcheckout.payment.sandbox.events.PspPaymentEvent;
import io.connectcheckout.payment.sandbox.payments.PspPayment;
import io.connectcheckout.payment.sandbox.payments.PspState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Four instances claiming the callback outbox at once never take the same row twice. */
@QuarkusTest
class CallbackClaimTest {

    /** Who holds the callbacks earlier test classes left pending while this test claims. */
    private static final String PARKED = "parked-by-CallbackClaimTest";

    @Inject
    PspConfig configured;

    @Inject
    Scheduler scheduler;

    private PspConfig config;

    /**
     * Only the instances of this test claim: the scheduled workers pause, and the callbacks that
     * earlier test classes left pending (in this shared database) are leased to a placeholder
     * until the test ends. Each instance claims up to 100 rows, more than the test's 40.
     */
    @BeforeEach
    void onlyThisTestClaims() {
        scheduler.pause();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> PspCallback.update(
                "claimedBy = ?1, claimedUntil = ?2 where status = ?3 and (claimedUntil is null or claimedUntil < ?4)",
                PARKED, now.plus(Duration.ofHours(1)), PspCallback.PENDING, now));
        config = withBatchSize(configured, 100);
    }

    @AfterEach
    void workersBack() {
        QuarkusTransaction.requiringNew().run(() -> PspCallback.update(
                "claimedBy = null, claimedUntil = null where claimedBy = ?1", PARKED));
        scheduler.resume();
    }

    /** The configured settings, except that a claim takes up to {@code batchSize} rows. */
    private static PspConfig withBatchSize(PspConfig config, int batchSize) {
        PspConfig.Callbacks callbacks = config.callbacks();
        PspConfig.Callbacks larger = (PspConfig.Callbacks) Proxy.newProxyInstance(PspConfig.class.getClassLoader(),
                new Class<?>[] {PspConfig.Callbacks.class},
                (proxy, method, args) -> method.getName().equals("batchSize") ? batchSize : method.invoke(callbacks, args));
        return (PspConfig) Proxy.newProxyInstance(PspConfig.class.getClassLoader(), new Class<?>[] {PspConfig.class},
                (proxy, method, args) -> method.getName().equals("callbacks") ? larger : method.invoke(config, args));
    }

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
