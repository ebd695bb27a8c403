package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.order;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.register;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectcheckout.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions, customer products and check access (connectid-api-notes.md §2.15), backed by
 * what completed orders gave the customer.
 */
@QuarkusTest
class SubscriptionApiTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /**
     * Found by CI: a client's callback and its return both completing one order at once; the
     * second failed on the unique subscription line (a 500 the checkout showed as "unavailable").
     * Ten at once: every answer OK, one subscription, no ERROR in the log.
     */
    @Test
    void completionsOfOneOrderAtOnceAllAnswerOkAndGiveOneSubscription() throws Exception {
        String client = clientToken();
        long orderId = register(client, order(uniqueId(), "invoice"));
        int customer = api(client).when().get("/capi/v1/client/order/status/" + orderId)
                .then().extract().path("orders[0].customerNumber");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try (io.connectcheckout.testing.ErrorLog errors = io.connectcheckout.testing.ErrorLog.open()) {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api(client).body("{\"orderId\":" + orderId + "}")
                            .when().post("/capi/v1/client/order/fulfillment")
                            .then().extract().statusCode() + " " + api(client).when()
                            .get("/capi/v1/client/order/status/" + orderId).then().extract().path("orders[0].orderStatus");
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<String> answer : answers) {
                assertEquals("200 completed", answer.get());
            }
            errors.assertNone("ten completions at once");
        } finally {
            pool.shutdownNow();
        }
        api(client).when().get("/capi/v1/client/subscription/" + customer)
                .then().statusCode(200).body("subscriptions", hasSize(1));
    }

    @Test
    void aCompletedOrderGivesItsCustomerTheSubscription() {
        String client = clientToken();
        long orderId = register(client, order(uniqueId(), "invoice"));
        int customer = api(client).when().get("/capi/v1/client/order/status/" + orderId)
                .then().extract().path("orders[0].customerNumber");
        api(client).when().get("/capi/v1/client/subscription/" + customer)
                .then().statusCode(200).body("subscriptions", hasSize(0));

        api(client).body("{\"orderId\":" + orderId + "}").when().post("/capi/v1/client/order/fulfillment")
                .then().statusCode(200).body("fulfillmentStatus", equalTo("OK"));

        JsonPath subs = api(client).when().get("/capi/v1/client/subscription/" + customer)
                .then().statusCode(200).body("subscriptions", hasSize(1)).extract().jsonPath();
        assertEquals("DIGI", subs.getString("subscriptions[0].product"));
        assertEquals("CCDEMO", subs.getString("subscriptions[0].companyCode"));
        assertEquals("DIGI", subs.getString("subscriptions[0].couponCode"));
        assertEquals(1, subs.getInt("subscriptions[0].couponNumber"));
        assertEquals(orderId, subs.getLong("subscriptions[0].orderId"));
        assertEquals(customer, subs.getInt("subscriptions[0].customerNumber"));
        assertEquals(true, subs.getBoolean("subscriptions[0].active"));
        // One month, in Norwegian dates: from 00:00:00 on the start date to 23:59:59 on the last paid date.
        Instant start = Instant.ofEpochMilli(subs.getLong("subscriptions[0].startTime"));
        Instant end = Instant.ofEpochMilli(subs.getLong("subscriptions[0].endTime"));
        assertEquals(start.atZone(OSLO).toLocalDate().atStartOfDay(OSLO).toInstant(), start);
        assertEquals(start.atZone(OSLO).plusMonths(1).minusSeconds(1).toInstant(), end);

        api(client).when().get("/capi/v1/client/subscription/999999999")
                .then().statusCode(400).body("exceptionType", equalTo("CustomerNotFoundException"));
        api(client).when().get("/capi/v1/client/subscription/x1")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
    }

    /**
     * {@code startInfo.startDate} sets when the subscription starts (connectid-api-notes.md §6); a
     * start that has passed starts it on completion (outside attack on issue 13, finding 2: a start
     * in January was ignored and the subscription ran from the day of completion).
     */
    @Test
    void startInfoStartDateSetsWhenTheSubscriptionStarts() {
        String client = clientToken();
        LocalDate today = new MutableClock().instant().atZone(OSLO).toLocalDate();
        LocalDate later = today.plusDays(45);
        JsonPath future = completedSubscriptions(client, "\"" + later + "\"");
        assertEquals(later.atStartOfDay(OSLO).toInstant().toEpochMilli(), future.getLong("subscriptions[0].startTime"));
        assertEquals(later.plusMonths(1).atStartOfDay(OSLO).minusSeconds(1).toInstant().toEpochMilli(),
                future.getLong("subscriptions[0].endTime"));
        assertEquals(false, future.getBoolean("subscriptions[0].active"));

        JsonPath past = completedSubscriptions(client, "\"" + today.minusYears(1) + "\"");
        assertEquals(today.atStartOfDay(OSLO).toInstant().toEpochMilli(), past.getLong("subscriptions[0].startTime"));
        assertEquals(true, past.getBoolean("subscriptions[0].active"));
    }

    /** Registers and completes an invoice order whose line starts at {@code startDate}; its customer's subscriptions. */
    private static JsonPath completedSubscriptions(String client, String startDate) {
        long orderId = register(client, order(uniqueId(), "invoice").replace("\"startDate\":1764000000000",
                "\"startDate\":" + startDate));
        api(client).body("{\"orderId\":" + orderId + "}").when().post("/capi/v1/client/order/fulfillment")
                .then().statusCode(200).body("fulfillmentStatus", equalTo("OK"));
        long customer = api(client).when().get("/capi/v1/client/order/status/" + orderId)
                .then().extract().jsonPath().getLong("orders[0].customerNumber");
        return api(client).when().get("/capi/v1/client/subscription/" + customer)
                .then().statusCode(200).body("subscriptions", hasSize(1)).extract().jsonPath();
    }

    @Test
    void theLoggedInUserSeesSubscriptionsProductsAndAccess() {
        Map<String, String> tokens = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD);
        String user = tokens.get("access");
        String body = order(uniqueId(), "invoice").replace("\"productSpecCode\":\"DIGI\"", "\"productSpecCode\":\"PLUS\"")
                .replace("\"orderAmount\":299", "\"orderAmount\":449").replace("\"unitPrice\":299", "\"unitPrice\":449");
        long orderId = ((Number) api(user).body(body).when().post("/capi/v1/order")
                .then().statusCode(200).extract().path("orderId")).longValue();
        api(user).body("{\"product\":\"PLUS\"}").when().post("/capi/v1/customer/access")
                .then().statusCode(200).body("access", equalTo(false));

        api(clientToken()).body("{\"orderId\":" + orderId + "}").when().post("/capi/v1/client/order/fulfillment")
                .then().statusCode(200).body("fulfillmentStatus", equalTo("OK"));

        api(user).when().get("/capi/v1/subscription")
                .then().statusCode(200)
                .body("subscriptions.orderId", hasItem(orderId))
                .body("subscriptions.customerNumber", hasItem(500000));
        JsonPath products = api(user).when().get("/capi/v1/customer/product")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = products.getList("products.productId");
        // PLUS comes with the digital product.
        assertEquals(true, ids.contains("PLUS") && ids.contains("DIGI"), ids.toString());
        assertEquals("B", products.getString("products.find { it.productId == 'PLUS' }.accessType"));
        assertEquals("CCDEMO", products.getString("products.find { it.productId == 'PLUS' }.partnerId"));

        api(user).body("{\"product\":\"PLUS\"}").when().post("/capi/v1/customer/access")
                .then().statusCode(200).body("access", equalTo(true))
                .body("accesses[0].access", equalTo(true)).body("accesses[0].accessType", equalTo("B"));
        api(user).body("{\"product\":\"DIGI\",\"credential\":\"" + SandboxSeeder.DEMO_MOBILE + "\"}")
                .when().post("/capi/v1/customer/access").then().statusCode(200).body("access", equalTo(true));
        api(user).body("{\"product\":\"PLUS\",\"uniqueId\":\"00000000000000000000000000000000\"}")
                .when().post("/capi/v1/customer/access").then().statusCode(200).body("access", equalTo(false));
        api(user).body("{\"product\":\"NOPE\"}").when().post("/capi/v1/customer/access")
                .then().statusCode(200).body("access", equalTo(false)).body("accesses[0].accessType", equalTo("D"));
        api(user).body("{\"product\":\"PLUS\",\"ip\":\"127.0.0.1\"}").when().post("/capi/v1/customer/access")
                .then().statusCode(200).body("access", equalTo(false)).body("accesses", hasSize(2));
        api(user).body("{}").when().post("/capi/v1/customer/access")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
        api(user).body("{\"product\":").when().post("/capi/v1/customer/access")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
    }

    @Test
    void eachEndpointTakesItsOwnKindOfToken() {
        String client = clientToken();
        String user = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD).get("access");
        api(client).when().get("/capi/v1/subscription").then().statusCode(401).body("error", equalTo("invalid_token"));
        api(client).when().get("/capi/v1/customer/product").then().statusCode(401);
        api(client).body("{\"product\":\"PLUS\"}").when().post("/capi/v1/customer/access").then().statusCode(401);
        api(user).when().get("/capi/v1/client/subscription/500000").then().statusCode(401)
                .body("error", equalTo("invalid_token"));
        api("not-a-token").when().get("/capi/v1/subscription").then().statusCode(401);
    }
}
