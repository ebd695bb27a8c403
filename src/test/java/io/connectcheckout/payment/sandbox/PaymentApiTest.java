package io.connectcheckout.payment.sandbox;

import static io.connectcheckout.payment.sandbox.PspTestClient.DEMO_KEY;
import static io.connectcheckout.payment.sandbox.PspTestClient.action;
import static io.connectcheckout.payment.sandbox.PspTestClient.body;
import static io.connectcheckout.payment.sandbox.PspTestClient.create;
import static io.connectcheckout.payment.sandbox.PspTestClient.createPayment;
import static io.connectcheckout.payment.sandbox.PspTestClient.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.payment.sandbox.PspTestClient.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The merchant-facing payment API: creation, idempotency, refusals, and the state machine. */
@QuarkusTest
class PaymentApiTest {

    @Test
    void createAnswers201WithTheHostedPage() {
        create(body("card", 12900)).then().statusCode(201)
                .body("paymentId", startsWith("pay_"))
                .body("redirectUrl", startsWith(PspTestClient.base() + "/psp/pay/pay_"))
                .body("state", equalTo("CREATED"));
    }

    @Test
    void theCreatedPaymentReadsBackAsSent() {
        Map<String, Object> body = body("wallet", 4900);
        body.put("recurring", true);
        String id = createPayment(body);
        get(id).then().statusCode(200)
                .body("reference", equalTo(body.get("reference")))
                .body("amount.value", equalTo(4900)).body("amount.currency", equalTo("NOK"))
                .body("method", equalTo("wallet")).body("recurring", equalTo(true))
                .body("description", equalTo("Digital – monthly"))
                .body("state", equalTo("CREATED")).body("events[0].type", equalTo("created"))
                .body("callbackDeliveries.size()", equalTo(0));
    }

    @Test
    void theSameKeyAndBodyGiveTheSamePaymentAndADifferentBodyIsRefused() {
        Map<String, Object> body = body("card", 12900);
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(DEMO_KEY).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/psp/v1/payments");
        Response again = given().auth().oauth2(DEMO_KEY).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/psp/v1/payments");
        assertEquals(201, first.statusCode());
        assertEquals(201, again.statusCode());
        assertEquals(first.<String>path("paymentId"), again.path("paymentId"));

        Map<String, Object> other = new java.util.HashMap<>(body);
        other.put("amount", Map.of("value", 1, "currency", "NOK"));
        given().auth().oauth2(DEMO_KEY).header("Idempotency-Key", key).contentType("application/json")
                .body(other).post("/psp/v1/payments")
                .then().statusCode(409).body("code", equalTo("idempotency_key_reused"));
    }

    @Test
    void concurrentCreatesWithOneKeyMakeOnePayment() throws Exception {
        Map<String, Object> body = body("card", 12900);
        String key = UUID.randomUUID().toString();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(DEMO_KEY).header("Idempotency-Key", key)
                            .contentType("application/json").body(body).post("/psp/v1/payments");
                }));
            }
            start.countDown();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Response> answer : answers) {
                Response r = answer.get();
                if (r.statusCode() == 201) {
                    ids.add(r.path("paymentId"));
                } else {
                    assertEquals(409, r.statusCode(), r.asString());
                    assertTrue(java.util.List.of("concurrent_update", "duplicate_reference").contains(r.path("code")),
                            r.asString());
                }
            }
            assertEquals(1, ids.size(), ids.toString());
        } finally {
            pool.shutdownNow();
        }
        // and a later retry with that key is answered with the one payment
        Response later = given().auth().oauth2(DEMO_KEY).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/psp/v1/payments");
        assertEquals(201, later.statusCode());
    }

    @Test
    void aSecondPaymentWithTheSameReferenceIsRefused() {
        Map<String, Object> body = body("card", 12900);
        create(body).then().statusCode(201);
        create(body).then().statusCode(409).body("code", equalTo("duplicate_reference"));
    }

    @Test
    void withoutAnIdempotencyKeyNothingIsCreated() {
        given().auth().oauth2(DEMO_KEY).contentType("application/json").body(body("card", 100))
                .post("/psp/v1/payments").then().statusCode(400).body("code", equalTo("idempotency_key_missing"));
    }

    @Test
    void withoutAValidApiKeyTheAnswerIs401() {
        given().header("Idempotency-Key", "k1").contentType("application/json").body(body("card", 100))
                .post("/psp/v1/payments").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().auth().oauth2("psp_test_wrong").when().get("/psp/v1/payments/pay_x")
                .then().statusCode(401).body("code", equalTo("unauthorized"))
                .body("message", notNullValue());
    }

    @Test
    void anotherMerchantsPaymentIsForbiddenAndAnUnknownOneNotFound() {
        String id = createPayment("card", 100);
        given().auth().oauth2(PspTestClient.CONNECTID_KEY).when().get("/psp/v1/payments/" + id)
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(PspTestClient.CONNECTID_KEY).contentType("application/json").when().post("/psp/v1/payments/" + id + "/cancel")
                .then().statusCode(403);
        get("pay_unknown").then().statusCode(404).body("code", equalTo("payment_not_found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/return", "https://localhost.evil.example/", "https://user@evil.example/",
            "javascript:alert(1)", "//evil.example/x"})
    void aReturnUrlOnAnUnregisteredHostIsRefused(String returnUrl) {
        Map<String, Object> body = body("card", 100);
        body.put("returnUrl", returnUrl);
        create(body).then().statusCode(422).body("code", org.hamcrest.Matchers.oneOf("return_url_not_allowed",
                "invalid_request")).body("field", equalTo("returnUrl"));
    }

    @Test
    void aCallbackUrlOnAnUnregisteredHostIsRefused() {
        Map<String, Object> body = body("card", 100);
        body.put("callbackUrl", "https://evil.example/callbacks");
        create(body).then().statusCode(422).body("code", equalTo("callback_url_not_allowed"));
    }

    @Test
    void badInputGetsTheErrorBody() {
        expectError(withAmount(0, "NOK"), 422, "invalid_amount");
        expectError(withAmount(-500, "NOK"), 422, "invalid_amount");
        expectError(withAmount(100, "XYZ"), 422, "invalid_currency");
        expectError(withAmount(100, "nok"), 422, "invalid_currency");
        Map<String, Object> noReference = body("card", 100);
        noReference.remove("reference");
        expectError(noReference, 422, "invalid_request").body("field", equalTo("reference"));
        Map<String, Object> noAmount = body("card", 100);
        noAmount.remove("amount");
        expectError(noAmount, 422, "invalid_request").body("field", equalTo("amount"));
        Map<String, Object> badMethod = body("bitcoin", 100);
        expectError(badMethod, 422, "invalid_request").body("field", equalTo("method"));
        Map<String, Object> noReturn = body("card", 100);
        noReturn.remove("returnUrl");
        expectError(noReturn, 422, "invalid_request").body("field", equalTo("returnUrl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"reference\": ", "not json", "[1,2]", "{\"amount\": {\"value\": 12.5, \"currency\": \"NOK\"}}",
            "{\"amount\": {\"value\": \"lots\"}}", ""})
    void malformedJsonGets400WithTheErrorBody(String raw) {
        given().auth().oauth2(DEMO_KEY).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(raw).post("/psp/v1/payments")
                .then().statusCode(400).contentType(startsWith("application/json"))
                .body("code", equalTo("malformed_json"));
    }

    @Test
    void captureThenPartialAndFullRefund() {
        String id = authorizedPayment(10000);
        action(id, "capture").then().statusCode(200).body("state", equalTo("CAPTURED"))
                .body("captured.value", equalTo(10000));
        refund(id, 2500).then().statusCode(200).body("state", equalTo("PARTIALLY_REFUNDED"))
                .body("refunded.value", equalTo(2500));
        refund(id, 8000).then().statusCode(422).body("code", equalTo("refund_exceeds_captured"));
        refund(id, 7500).then().statusCode(200).body("state", equalTo("REFUNDED"));
        refund(id, 1).then().statusCode(409).body("code", equalTo("illegal_state"));
        get(id).then().body("events.type", hasItems("created", "authorized", "captured", "refunded"))
                .body("events.state", hasItems("CREATED", "AUTHORIZED", "CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"));
    }

    @Test
    void aRefundWithoutAmountRefundsTheRest() {
        String id = authorizedPayment(4200);
        action(id, "capture").then().statusCode(200);
        action(id, "refund").then().statusCode(200).body("state", equalTo("REFUNDED"))
                .body("refunded.value", equalTo(4200));
    }

    @Test
    void cancelAnAuthorizedPaymentAndIllegalMovesAreRefused() {
        String id = authorizedPayment(3000);
        action(id, "cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        action(id, "capture").then().statusCode(409).body("code", equalTo("illegal_state"));
        action(id, "cancel").then().statusCode(409).body("code", equalTo("illegal_state"));

        String open = createPayment("card", 3000);
        action(open, "capture").then().statusCode(409).body("code", equalTo("illegal_state"));
        action(open, "refund").then().statusCode(409).body("code", equalTo("illegal_state"));

        String captured = authorizedPayment(3000);
        action(captured, "capture").then().statusCode(200);
        action(captured, "cancel").then().statusCode(409).body("code", equalTo("illegal_state"));
        action(captured, "capture").then().statusCode(409);
        assertEquals("CAPTURED", PspTestClient.state(captured));
    }

    @Test
    void aCaptureRepeatedWithItsKeyIsAnsweredLikeTheFirst() {
        String id = authorizedPayment(3000);
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(DEMO_KEY).contentType("application/json").header("Idempotency-Key", key).post("/psp/v1/payments/" + id + "/capture");
        Response again = given().auth().oauth2(DEMO_KEY).contentType("application/json").header("Idempotency-Key", key).post("/psp/v1/payments/" + id + "/capture");
        assertEquals(200, first.statusCode());
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(first.asString(), again.asString());
        // The key belongs to that capture: using it to cancel is refused.
        given().auth().oauth2(DEMO_KEY).contentType("application/json").header("Idempotency-Key", key).post("/psp/v1/payments/" + id + "/cancel")
                .then().statusCode(409).body("code", equalTo("idempotency_key_reused"));
    }

    @Test
    void unknownApiPathsAnswerWithTheJsonErrorBody() {
        given().auth().oauth2(DEMO_KEY).when().get("/psp/v1/refunds").then().statusCode(404)
                .contentType(startsWith("application/json")).body("code", equalTo("not_found"));
        given().auth().oauth2(DEMO_KEY).contentType("application/json").when()
                .post("/psp/v1/payments/pay_x/explode").then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void twoPaymentsNeverShareAnId() {
        assertNotEquals(createPayment("card", 100), createPayment("card", 100));
    }

    private static String authorizedPayment(long amount) {
        String id = createPayment("card", amount);
        PspTestClient.assertBackToMerchant(new Shopper().payWithCard(id, "4111111111111111", "12/39", "123"), id);
        return id;
    }

    private static Response refund(String id, long value) {
        return given().auth().oauth2(DEMO_KEY).contentType("application/json")
                .body(Map.of("amount", Map.of("value", value, "currency", "NOK")))
                .post("/psp/v1/payments/" + id + "/refund");
    }

    private static Map<String, Object> withAmount(long value, String currency) {
        Map<String, Object> body = body("card", 100);
        body.put("amount", Map.of("value", value, "currency", currency));
        return body;
    }

    private static ValidatableResponse expectError(Map<String, Object> body, int status, String code) {
        return create(body).then().statusCode(status).contentType(startsWith("application/json"))
                .body("code", equalTo(code)).body("message", notNullValue());
    }
}
