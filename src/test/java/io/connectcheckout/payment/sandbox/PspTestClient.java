package io.connectcheckout.payment.sandbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the sandbox over HTTP the way a merchant (API) and a shopper (hosted page forms) would. */
final class PspTestClient {

    static final String DEMO_KEY = "psp_test_demo_key";
    static final String DEMO_SECRET = "whsec_demo";
    static final String CONNECTID_KEY = "psp_test_connectid_key";

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private PspTestClient() {
    }

    static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    static String returnUrl() {
        return base() + "/?shop=return";
    }

    static Map<String, Object> body(String method, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", "order-" + UUID.randomUUID());
        body.put("amount", Map.of("value", amount, "currency", "NOK"));
        body.put("description", "Digital – monthly");
        body.put("method", method);
        body.put("returnUrl", returnUrl());
        return body;
    }

    static Response create(Map<String, Object> body) {
        return given().auth().oauth2(DEMO_KEY).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(body).when().post("/psp/v1/payments");
    }

    /** Creates a payment and returns its id. */
    static String createPayment(String method, long amount) {
        return createPayment(body(method, amount));
    }

    static String createPayment(Map<String, Object> body) {
        Response response = create(body);
        assertEquals(201, response.statusCode(), response.asString());
        return response.path("paymentId");
    }

    static Response get(String paymentId) {
        return given().auth().oauth2(DEMO_KEY).when().get("/psp/v1/payments/" + paymentId);
    }

    static String state(String paymentId) {
        return get(paymentId).then().statusCode(200).extract().path("state");
    }

    static Response action(String paymentId, String action) {
        return given().auth().oauth2(DEMO_KEY).contentType("application/json").when()
                .post("/psp/v1/payments/" + paymentId + "/" + action);
    }

    /** A browser session on the hosted page: keeps the CSRF cookie and the page's token. */
    static final class Shopper {
        final Map<String, String> cookies = new HashMap<>();
        String token;

        Response open(String path) {
            Response page = given().cookies(cookies).redirects().follow(false).when().get(path);
            cookies.putAll(page.cookies());
            Matcher m = CSRF.matcher(page.asString());
            if (m.find()) {
                token = m.group(1);
            }
            return page;
        }

        Response post(String path, Map<String, String> form) {
            Map<String, String> fields = new HashMap<>(form);
            fields.put("csrf-token", token);
            Response response = given().cookies(cookies).formParams(fields).redirects().follow(false)
                    .when().post(path);
            cookies.putAll(response.cookies());
            return response;
        }

        /** Opens the page, pays with the card, and returns the answer to the form post. */
        Response payWithCard(String paymentId, String number, String expiry, String cvc) {
            Response page = open("/psp/pay/" + paymentId);
            assertEquals(200, page.statusCode(), page.asString());
            return post("/psp/pay/" + paymentId + "/card", Map.of("cardNumber", number, "expiry", expiry, "cvc", cvc));
        }
    }

    static void assertBackToMerchant(Response response, String paymentId) {
        assertEquals(303, response.statusCode(), response.asString());
        String location = response.header("Location");
        assertEquals(returnUrl() + "&paymentId=" + paymentId, location);
        assertTrue(!location.contains("state") && !location.contains("AUTHORIZED"), location);
    }
}
