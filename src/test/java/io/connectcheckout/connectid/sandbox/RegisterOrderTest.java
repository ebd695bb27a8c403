package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.order;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.register;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.connectcheckout.testing.ErrorLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Register order – client mode: the documented example, every validation rule, and repeated externalOrderIds. */
@QuarkusTest
class RegisterOrderTest {

    @Test
    void theDocumentedExampleRegistersAPreliminaryOrder() {
        String token = clientToken();
        String external = uniqueId();
        long orderId = register(token, order(external, "creditcardPayex"));
        api(token).when().get("/capi/v1/client/order/status/" + orderId)
                .then().statusCode(200)
                .header("X-Mediaconnect-Api-Version", notNullValue())
                .body("orders", hasSize(1))
                .body("orders[0].orderId", equalTo(orderId))
                .body("orders[0].externalOrderId", equalTo(external))
                .body("orders[0].orderStatus", equalTo("preliminary"))
                .body("orders[0].orderAmount", equalTo(299.00f))
                .body("orders[0].orderTime", greaterThan(1_700_000_000_000L))
                .body("orders[0].customerNumber", notNullValue());
    }

    @Test
    void aRepeatedExternalOrderIdReturnsTheFirstOrderId() {
        String token = clientToken();
        String external = uniqueId();
        long first = register(token, order(external, "invoice"));
        long second = register(token, order(external, "invoice"));
        assertEquals(first, second);
        assertNotEquals(first, register(token, order(uniqueId(), "invoice")));
    }

    /**
     * Twenty repeats at once get one order, and the unique key that decides the race is expected
     * data, not a problem: nothing about it in the log (outside attack on issue 13, finding 12e: a
     * Hibernate WARN per lost race, with the SQL).
     */
    @Test
    void concurrentRepeatsOfOneExternalOrderIdGetOneOrderQuietly() throws Exception {
        String token = clientToken();
        String external = uniqueId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ErrorLog log = ErrorLog.openWithWarnings()) {
            List<Callable<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> register(token, order(external, "invoice")));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertEquals(1, ids.stream().distinct().count(), "one order for one externalOrderId: " + ids);
            List<String> aboutIt = log.lines().stream().filter(l -> l.contains("org.hibernate")
                    || l.contains(external) || l.toLowerCase(java.util.Locale.ROOT).contains("unique")).toList();
            assertEquals(List.of(), aboutIt, "the log gets nothing about the race");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrentOrdersOfNewCustomersAllSucceed() throws Exception {
        String token = clientToken();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> register(token, order(uniqueId(), "invoice")));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertEquals(8, ids.stream().distinct().count(), "eight distinct orders: " + ids);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void isoOrderDatesAreAcceptedToo() {
        register(clientToken(), order(uniqueId(), "invoice").replace("\"orderDate\":1764000000000",
                "\"orderDate\":\"2026-11-28T12:00:00+01:00\""));
    }

    @Test
    void everyLineTypeWithItsRequiredFields() {
        String body = order(uniqueId(), "invoice").replaceFirst("(?s)\"orderLines\":\\[.*\\]\\}\\s*$", """
                "orderLines":[
                  {"productSpecType":"coupon","productSpecCode":"DIGI","productSpecNo":12},
                  {"productSpecType":"product","product":"ISSUE-2026-48","quantity":2},
                  {"productSpecType":"issue","productSpecCode":"DIGI","productSpecNo":1,"product":"ISSUE-2026-48"},
                  {"productSpecType":"article","unitPrice":19,"articleDetail":{"companyCode":"CCDEMO","product":"DIGI","articleRef":"a-1","articleDesc":"An article"},
                   "receiver":{"lastName":"Hansen","postalCode":"5003","emails":["h@example.no"]}}]}""");
        String token = clientToken();
        long orderId = register(token, body.replace("\"orderAmount\":299,", ""));
        // No orderAmount sent: the sandbox prices the lines from its catalogue (2990 + 2 × 49 + 49 + 19).
        api(token).when().get("/capi/v1/client/order/status/" + orderId)
                .then().statusCode(200).body("orders[0].orderAmount", equalTo(3156.00f));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing payer | \"payer\":\\{[^}]*\\}, | '' | payer is required",
        "no lastName nor companyName | \"lastName\":\"Nordmann\", | '' | lastName or payer.companyName",
        "no postalCode | \"postalCode\":\"0150\", | '' | postalCode is required",
        "no emails nor phones | \"emails\":\\[\"ola@example.com\"\\],\"phoneNumbers\":\\[\"\\+4712345678\"\\] | \"countryCode2\":\"NO\" | emails or payer.phoneNumbers",
        "bad e-mail | ola@example.com | not-an-email@ | invalid e-mail",
        "no paymentMethod | \"paymentMethod\":\"invoice\", | '' | paymentMethod is required",
        "unknown paymentMethod | \"paymentMethod\":\"invoice\" | \"paymentMethod\":\"bitcoin\" | Unknown paymentMethod",
        "externalOrderId too long | \"externalOrderId\":\"[^\"]*\" | \"externalOrderId\":\"12345678901234567890123456789012345678901\" | at most 40",
        "no order lines | (?s)\"orderLines\":\\[.*\\]\\}\\s*$ | \"orderLines\":[]} | at least one line",
        "unknown productSpecType | \"productSpecType\":\"coupon\" | \"productSpecType\":\"bundle\" | productSpecType must be",
        "coupon without number | \"productSpecNo\":1, | '' | productSpecCode and productSpecNo are required",
        "unknown coupon | \"productSpecNo\":1, | \"productSpecNo\":99, | unknown coupon DIGI/99",
        "product without product | \"productSpecType\":\"coupon\",\"productSpecCode\":\"DIGI\",\"productSpecNo\":1, | \"productSpecType\":\"product\", | product is required",
        "unknown product | \"productSpecType\":\"coupon\",\"productSpecCode\":\"DIGI\",\"productSpecNo\":1, | \"productSpecType\":\"product\",\"product\":\"NOPE\", | unknown product NOPE",
        "issue without issue code | \"productSpecType\":\"coupon\" | \"productSpecType\":\"issue\" | the issue",
        "article without detail | \"productSpecType\":\"coupon\" | \"productSpecType\":\"article\" | articleDetail",
        "marketing code without number | \"campaignParameters2\" | '' | marketingCouponCode and marketingCouponNumber",
        "unknown currency | \"currency\":\"NOK\" | \"currency\":\"XYZ\" | Unknown currency",
        "negative amount | \"orderAmount\":299 | \"orderAmount\":-1 | orderAmount",
        "zero quantity | \"quantity\":1 | \"quantity\":0 | quantity",
        "access product without seconds | ,\"allowAccessSeconds\":86400 | '' | allowAccessProduct and allowAccessSeconds",
        "prepaid without payment info | \"currency\":\"NOK\" | \"currency\":\"NOK\",\"prepaid\":true | paymentInfoOther or paymentInfoPayex",
        "bad orderDate | \"orderDate\":1764000000000 | \"orderDate\":\"yesterday\" | orderDate",
        "wrong type | \"orderAmount\":299 | \"orderAmount\":\"lots\" | Malformed JSON",
        "malformed JSON | \\}\\s*$ | '' | Malformed JSON",
    })
    void everyValidationRuleAnswers400(String rule, String pattern, String replacement, String message) {
        String body = order(uniqueId(), "invoice").replaceFirst(pattern, replacement);
        if (rule.startsWith("marketing")) {
            body = body.replace("\"currency\":\"NOK\"", "\"currency\":\"NOK\",\"marketingCouponCode\":\"DIGI\"");
        }
        api(clientToken()).body(body).when().post("/capi/v1/client/order")
                .then().statusCode(400)
                .body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", containsString(message));
    }

    @Test
    void anUnknownMarketingCouponIsRefused() {
        String body = order(uniqueId(), "invoice").replace("\"currency\":\"NOK\"",
                "\"currency\":\"NOK\",\"marketingCouponCode\":\"DIGI\",\"marketingCouponNumber\":77");
        api(clientToken()).body(body).when().post("/capi/v1/client/order")
                .then().statusCode(400).body("errorMessage", containsString("marketing coupon"));
        register(clientToken(), body.replace("77", "12"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        api(clientToken()).body("").when().post("/capi/v1/client/order")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
        api(clientToken()).body("null").when().post("/capi/v1/client/order")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
    }

    @Test
    void prepaidPaymentInfoMustMatchTheOrderAmount() {
        String body = order(uniqueId(), "creditcardPayex").replace("\"currency\":\"NOK\"",
                "\"currency\":\"NOK\",\"prepaid\":true,\"paymentInfoPayex\":{\"transactionId\":\"pay_x\","
                        + "\"provider\":\"psp\",\"amount\":100,\"currency\":\"NOK\"}");
        api(clientToken()).body(body).when().post("/capi/v1/client/order")
                .then().statusCode(400).body("exceptionType", equalTo("PaymentVerificationException"));
    }

    @Test
    void aUserTokenCannotCallClientModeAndAClientTokenCannotCallUserMode() {
        api(clientToken()).body(order(uniqueId(), "invoice")).when().post("/capi/v1/order")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }
}
