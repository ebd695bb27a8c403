package io.connectcheckout.payment.sandbox;

import static io.connectcheckout.payment.sandbox.PspTestClient.action;
import static io.connectcheckout.payment.sandbox.PspTestClient.body;
import static io.connectcheckout.payment.sandbox.PspTestClient.createPayment;
import static io.connectcheckout.payment.sandbox.PspTestClient.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.payment.api.CallbackSignature;
import io.connectcheckout.payment.client.ReceivedCallback;
import io.connectcheckout.payment.client.TestCallbackReceiver;
import io.connectcheckout.payment.sandbox.PspTestClient.Shopper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Signed callbacks from the outbox, their retries and delivery log, and a receiver that applies each once. */
@QuarkusTest
class CallbackDeliveryTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyStateChangeIsCalledBackSignedAndLogged() {
        String id = paidWithCallback("ok");
        action(id, "capture").then().statusCode(200);
        await(() -> "CAPTURED".equals(TestCallbackReceiver.STATE.get(id)));

        JsonPath payment = get(id).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> deliveries = payment.getList("callbackDeliveries");
        assertEquals(2, deliveries.size(), deliveries.toString());
        for (Map<String, Object> d : deliveries) {
            assertEquals(200, d.get("httpStatus"));
            assertEquals("delivered", d.get("outcome"));
        }
        List<String> authorizedOrCaptured = payment.getList("events.findAll { it.state in ['AUTHORIZED','CAPTURED'] }.eventId");
        assertEquals(authorizedOrCaptured, payment.getList("callbackDeliveries.eventId"));

        JsonPath first = new JsonPath(new String(TestCallbackReceiver.RECEIVED.get(id).get(0).body(), StandardCharsets.UTF_8));
        assertEquals(id, first.getString("paymentId"));
        assertEquals("AUTHORIZED", first.getString("state"));
        assertEquals(12900, first.getInt("amount.value"));
        assertEquals("NOK", first.getString("amount.currency"));
        assertTrue(first.getString("reference").startsWith("order-"));
        assertTrue(first.getString("occurredAt") != null && first.getString("eventId").startsWith("evt_"));
    }

    @Test
    void aRefusedCallbackIsRetriedWithGrowingPausesUntil2xx() {
        String id = paidWithCallback("flaky");
        await(() -> "AUTHORIZED".equals(TestCallbackReceiver.STATE.get(id)));
        // The receiver may see the third delivery a moment before the sandbox records its outcome.
        await(() -> get(id).then().extract().jsonPath().getList("callbackDeliveries").size() >= 3);
        List<Map<String, Object>> attempts = get(id).then().extract().jsonPath().getList("callbackDeliveries");
        assertEquals(3, attempts.size(), attempts.toString());
        assertEquals(503, attempts.get(0).get("httpStatus"));
        assertEquals(503, attempts.get(1).get("httpStatus"));
        assertEquals(200, attempts.get(2).get("httpStatus"));
        Instant a1 = Instant.parse((String) attempts.get(0).get("attemptedAt"));
        Instant a2 = Instant.parse((String) attempts.get(1).get("attemptedAt"));
        Instant a3 = Instant.parse((String) attempts.get(2).get("attemptedAt"));
        // back-off 1 s, then 2 s in tests
        assertTrue(Duration.between(a1, a2).toMillis() >= 1000, a1 + " " + a2);
        assertTrue(Duration.between(a2, a3).toMillis() >= 2000, a2 + " " + a3);
    }

    @Test
    void aCallbackReplayed100TimesConcurrentlyChangesTheReceiverOnce() throws Exception {
        String id = paidWithCallback("ok");
        await(() -> "AUTHORIZED".equals(TestCallbackReceiver.STATE.get(id)));
        TestCallbackReceiver.Delivery original = TestCallbackReceiver.RECEIVED.get(id).get(0);
        String eventId = new JsonPath(new String(original.body(), StandardCharsets.UTF_8)).getString("eventId");

        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Callable<Integer> replay = () -> {
                    start.await();
                    return post("ok", original.body(), original.signature());
                };
                replies.add(pool.submit(replay));
            }
            start.countDown();
            for (Future<Integer> reply : replies) {
                int status = reply.get();
                assertTrue(status == 200 || status == 503, "status " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, TestCallbackReceiver.APPLIED.get(eventId).get());
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> ReceivedCallback.count("eventId", eventId)));
    }

    @Test
    void aTamperedBodyAWrongSecretAndAStaleTimestampAreRefusedByTheReceiver() throws Exception {
        String id = paidWithCallback("ok");
        await(() -> "AUTHORIZED".equals(TestCallbackReceiver.STATE.get(id)));
        TestCallbackReceiver.Delivery original = TestCallbackReceiver.RECEIVED.get(id).get(0);
        String body = new String(original.body(), StandardCharsets.UTF_8);
        int rejectedBefore = TestCallbackReceiver.REJECTED.get();

        byte[] tampered = body.replace("\"AUTHORIZED\"", "\"CAPTURED\"").getBytes(StandardCharsets.UTF_8);
        assertEquals(401, post("ok", tampered, original.signature()));

        long now = Instant.now().getEpochSecond();
        assertEquals(401, post("ok", original.body(), CallbackSignature.header("whsec_wrong", now, original.body())));
        assertEquals(401, post("ok", original.body(),
                CallbackSignature.header(PspTestClient.DEMO_SECRET,
                        now - 301, original.body())));
        assertEquals(401, post("ok", original.body(), null));

        assertEquals(rejectedBefore + 4, TestCallbackReceiver.REJECTED.get());
        assertEquals("AUTHORIZED", TestCallbackReceiver.STATE.get(id));
    }

    private String paidWithCallback(String mode) {
        Map<String, Object> body = body("card", 12900);
        body.put("callbackUrl", PspTestClient.base() + "/test-only/psp-callbacks/" + mode);
        String id = createPayment(body);
        PspTestClient.assertBackToMerchant(new Shopper().payWithCard(id, "4111111111111111", "12/39", "123"), id);
        return id;
    }

    private int post(String mode, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PspTestClient.base() + "/test-only/psp-callbacks/" + mode))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
