package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.atWalletApproval;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.session;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.connectid.client.ConnectIdNoAnswerException;
import io.connectcheckout.connectid.sandbox.orders.SandboxOrder;
import io.connectcheckout.payment.client.PaymentDetails;
import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.payment.client.PaymentState;
import io.connectcheckout.testing.ConnectIdSwitch;
import io.connectcheckout.testing.FaultIsolation;
import io.connectcheckout.testing.FaultProfile;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ConnectID's Register order has no idempotency key and no duplicate check, and our ConnectID
 * sandbox forgives a repeated {@code externalOrderId}. So these tests count what the real ConnectID
 * would see: the Register order calls that leave the checkout (at {@link ConnectIdSwitch}), while
 * 20 steps of one attempt run at once, as the shopper's return, payment callbacks and the
 * reconciliation job may. Exactly one call may go out, and the checkout still finishes.
 */
@QuarkusTest
@TestProfile(FaultProfile.class)
@ExtendWith(FaultIsolation.class)
@ExtendWith(InvariantAudit.class)
class RegistrationRaceFaultTest {

    static final int STEPS = 20;
    /**
     * Long enough that every racing step arrives while the one Register order is on the wire, and
     * well within {@link FaultProfile#CONNECTID_TIMEOUT} (1 s), with room for a loaded machine: a
     * Register order that times out is a different story (SlowDependenciesFaultTest's).
     */
    static final Duration REGISTER_TAKES = Duration.ofMillis(400);
    /** The circuit's delay in {@link FaultProfile}, with a margin. */
    static final Duration CIRCUIT_HALF_OPEN = FaultProfile.CONNECTID_BREAKER_DELAY.plusMillis(400);

    @Inject
    CheckoutStore store;

    @Inject
    CheckoutFlow flow;

    @Inject
    Reconciliation reconciliation;

    @Inject
    PaymentProvider payments;

    @AfterEach
    void restore() {
        ConnectIdSwitch.WIRE.up();
    }

    @Test
    void twentyConcurrentStepsOfAnInvoiceCheckoutSendOneRegisterOrder() throws Exception {
        Shopper shopper = atReview("invoice", "race.invoice@example.no");
        // The confirm cannot register (ConnectID answers 503): the attempt waits, unregistered and unclaimed.
        ConnectIdSwitch.WIRE.down();
        Shopper.Page confirm = shopper.submit("form[action='/checkout/confirm']", Map.of(), null);
        assertEquals(503, confirm.status(), confirm.body());
        CheckoutSession waiting = session(shopper);
        assertEquals(Step.PROCESSING, waiting.step());
        assertNull(waiting.attempt().connectIdOrderId());
        assertNull(waiting.leases().registeringUntil(), "a 503 is an answer: ConnectID did not take the order");
        assertTrue(events(waiting, "order_registration_failed") >= 1);

        CheckoutSession done = raceAndFinish(shopper, waiting.id());
        assertEquals(1, events(done, "order_completed"));
    }

    @Test
    void twentyConcurrentStepsOfAPaidCheckoutSendOneRegisterOrderAndRefundNothing() throws Exception {
        Shopper shopper = atReview("vipps", "race.paid@example.no");
        atWalletApproval(shopper);
        // Paid while ConnectID is down: the return and the callbacks cannot register.
        ConnectIdSwitch.WIRE.down();
        Shopper.Page approved = shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
        assertEquals(503, shopper.get(approved.location()).status());
        await().atMost(Duration.ofSeconds(20)).until(() -> events(session(shopper), "payment_callback") >= 2);
        // A callback's step may still be trying; each 503 is an answer, so its claim is released.
        await().atMost(Duration.ofSeconds(10)).until(() -> session(shopper).leases().registeringUntil() == null);
        CheckoutSession paid = session(shopper);
        assertEquals(Step.PAID, paid.step());
        assertNull(paid.attempt().connectIdOrderId());
        assertEquals(0, events(paid, "order_registration_unanswered"));

        CheckoutSession done = raceAndFinish(shopper, paid.id());
        assertEquals(0, events(done, "order_refused"));
        PaymentDetails payment = payments.get(Accounts.payment(store.load(done.id()).publisher()), done.attempt().paymentId());
        assertEquals(PaymentState.CAPTURED, payment.state(), "captured and not refunded");
        assertEquals(done.terms().price(), payment.amount());
    }

    private int registerCallsDuringRace;

    /**
     * ConnectID back but slow; then {@link #STEPS} steps of the checkout at once (advance, as the
     * return page, the status page and a callback call it, and rounds of reconciliation). Returns
     * what each saw; none may fail.
     */
    private List<Object> raceSteps(Long sessionId) throws Exception {
        ConnectIdSwitch.WIRE.slow(REGISTER_TAKES);
        // The failures above may have opened the circuit: let it half-open first.
        Thread.sleep(CIRCUIT_HALF_OPEN.toMillis());
        int before = ConnectIdSwitch.registerCalls();
        ExecutorService threads = Executors.newFixedThreadPool(STEPS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> steps = new ArrayList<>();
            for (int i = 0; i < STEPS; i++) {
                boolean reconcile = i % 5 == 4;
                steps.add(threads.submit(() -> {
                    start.await();
                    try {
                        return reconcile ? (Object) ("reconciliation round of " + reconciliation.run())
                                : flow.advance(sessionId);
                    } catch (ConnectIdNoAnswerException e) {
                        // On a loaded machine the one slow Register order may outlast the call's
                        // timeout: an answer the pages show as "still working", not a failure.
                        // The claim it holds still keeps every other step off the wire.
                        return "no answer in time";
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> step : steps) {
                // Throws (and fails the test) if any step failed.
                outcomes.add(step.get(30, TimeUnit.SECONDS));
            }
            registerCallsDuringRace = ConnectIdSwitch.registerCalls() - before;
            System.out.printf("[race] %d steps at once: %d Register order call(s); outcomes %s%n", STEPS,
                    registerCallsDuringRace, outcomes.stream().collect(java.util.stream.Collectors.groupingBy(
                            o -> o.toString().replaceAll("\\d+", "n"), java.util.TreeMap::new,
                            java.util.stream.Collectors.counting())));
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The race, then the checkout finished: one Register order on the wire, one order recorded and at ConnectID. */
    private CheckoutSession raceAndFinish(Shopper shopper, Long sessionId) throws Exception {
        List<Object> outcomes = raceSteps(sessionId);
        CheckoutSession done = finish(shopper);
        assertEquals(1, registerCallsDuringRace, "Register order calls while " + STEPS + " steps raced: " + outcomes);
        assertEquals(1, events(done, "order_registered"));
        assertEquals(1, ordersAtConnectId(done.attempt().externalOrderId()));
        return done;
    }

    /** ConnectID at full speed again: the checkout completes, and the shopper sees the receipt. */
    private CheckoutSession finish(Shopper shopper) {
        ConnectIdSwitch.WIRE.up();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            reconciliation.run();
            CheckoutSession s = session(shopper);
            return s.step() == Step.COMPLETED && s.attempt().userAssigned();
        });
        assertThat(shopper.open("/checkout/status").text(), containsString("Thank you for your order"));
        return session(shopper);
    }

    private static long ordersAtConnectId(String externalOrderId) {
        return QuarkusTransaction.requiringNew().call(() -> SandboxOrder.count("externalOrderId", externalOrderId));
    }
}
