package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.order;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.register;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.connectcheckout.payment.client.PaymentProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fulfillment URL end to end over HTTP through the payment sandbox's hosted page: approved,
 * declined, cancelled, 3-D Secure, wallet, a repeated visit, and a verified prepaid order.
 * Needs the payment sandbox (branch psp) in the build: skipped where it is absent.
 */
@QuarkusTest
class FulfillmentEndToEndTest {

    @Inject
    Instance<PaymentProvider> provider;

    /** This test's browser: keeps the fulfillment cookie between its visits, as a browser does. */
    private final CookieFilter browser = new CookieFilter();

    @BeforeEach
    void needsThePaymentSandbox() {
        assumeTrue(provider.isResolvable(), "the payment sandbox is not part of this build");
    }

    private static String returnUrl() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/checkout/return?ref=e2e";
    }

    /** Registers an order, opens the fulfillment URL; returns the order id and the payment page. */
    private Map.Entry<Long, String> toPaymentPage(String token, String method) {
        long orderId = register(token, order(uniqueId(), method));
        String location = given().filter(browser).redirects().follow(false)
                .queryParam("clientId", CidTestSupport.CLIENT).queryParam("orderId", orderId)
                .queryParam("returnUrl", returnUrl()).queryParam("errorUrl", returnUrl())
                .when().get("/user/fulfillment").then().statusCode(303).extract().header("Location");
        assertTrue(location.contains("/psp/pay/"), location);
        return Map.entry(orderId, URI.create(location).getPath());
    }

    /** Follows the provider's redirect back through the sandbox's return endpoint; returns the final Location. */
    private String backFromProvider(Response providerAnswer) {
        assertEquals(303, providerAnswer.statusCode());
        String back = providerAnswer.header("Location");
        assertTrue(back.contains("/user/fulfillment/return"), back);
        return given().filter(browser).redirects().follow(false).when().get(back).then().statusCode(303).extract().header("Location");
    }

    private static Response payWithCard(String pagePath, String card) {
        Response page = given().redirects().follow(false).when().get(pagePath);
        return BrowserLogin.postForm(page, pagePath + "/card", Map.of("cardNumber", card, "expiry", "12/39", "cvc", "123"));
    }

    private static void assertStatus(String token, long orderId, String status) {
        api(token).when().get("/capi/v1/client/order/status/" + orderId)
                .then().statusCode(200).body("orders[0].orderStatus", equalTo(status));
    }

    @Test
    void anApprovedCardCompletesTheOrderAndASecondVisitNeverPaysAgain() {
        String token = clientToken();
        Map.Entry<Long, String> visit = toPaymentPage(token, "creditcardPayex");
        assertEquals(returnUrl() + "&fulfillmentStatus=success", backFromProvider(payWithCard(visit.getValue(),
                "4111 1111 1111 1111")));
        assertStatus(token, visit.getKey(), "completed");
        given().filter(browser).redirects().follow(false).queryParam("clientId", CidTestSupport.CLIENT)
                .queryParam("orderId", visit.getKey()).queryParam("returnUrl", returnUrl())
                .when().get("/user/fulfillment")
                .then().statusCode(303).header("Location", returnUrl() + "&fulfillmentStatus=success");
    }

    @Test
    void aDeclinedCardFailsTheOrder() {
        String token = clientToken();
        Map.Entry<Long, String> visit = toPaymentPage(token, "nexi");
        assertEquals(returnUrl() + "&fulfillmentStatus=error",
                backFromProvider(payWithCard(visit.getValue(), "4000 0000 0000 0002")));
        assertStatus(token, visit.getKey(), "failed");
    }

    @Test
    void cancellingOnThePaymentPageCancelsTheOrder() {
        String token = clientToken();
        Map.Entry<Long, String> visit = toPaymentPage(token, "creditcardPayex");
        Response page = given().redirects().follow(false).when().get(visit.getValue());
        assertEquals(returnUrl() + "&fulfillmentStatus=cancel",
                backFromProvider(BrowserLogin.postForm(page, visit.getValue() + "/cancel", Map.of())));
        assertStatus(token, visit.getKey(), "cancelled");
    }

    @Test
    void threeDSecureThenApproved() {
        String token = clientToken();
        Map.Entry<Long, String> visit = toPaymentPage(token, "creditcardPayex");
        Response challenge = payWithCard(visit.getValue(), "4000 0000 0000 3220");
        assertEquals(303, challenge.statusCode());
        assertStatus(token, visit.getKey(), "preliminary");
        Response page = given().redirects().follow(false).when().get(visit.getValue() + "/3ds");
        assertEquals(returnUrl() + "&fulfillmentStatus=success", backFromProvider(
                BrowserLogin.postForm(page, visit.getValue() + "/3ds", Map.of("decision", "approve"))));
        assertStatus(token, visit.getKey(), "completed");
    }

    @Test
    void aWalletApprovalCompletesAVippsOrder() {
        String token = clientToken();
        Map.Entry<Long, String> visit = toPaymentPage(token, "vippsEcommerce");
        Response page = given().redirects().follow(false).when().get(visit.getValue());
        BrowserLogin.postForm(page, visit.getValue() + "/wallet", Map.of("mobile", "912 34 567"));
        Response app = given().redirects().follow(false).when().get(visit.getValue() + "/wallet");
        assertEquals(returnUrl() + "&fulfillmentStatus=success", backFromProvider(
                BrowserLogin.postForm(app, visit.getValue() + "/wallet/confirm", Map.of("decision", "approve"))));
        assertStatus(token, visit.getKey(), "completed");
    }

    @Test
    void aPrepaidOrderIsVerifiedWithTheProviderAndGoesStraightBack() {
        // The publisher collects the money first, with its own merchant account.
        String paymentId = given().header("Authorization", "Bearer psp_test_demo_key")
                .header("Idempotency-Key", uniqueId()).contentType(ContentType.JSON)
                .body("""
                        {"reference":"%s","amount":{"value":29900,"currency":"NOK"},"description":"Digital – monthly",
                         "method":"card","returnUrl":"%s"}""".formatted(uniqueId(), returnUrl()))
                .when().post("/psp/v1/payments").then().statusCode(201).extract().path("paymentId");
        String prepaidOrder = order(uniqueId(), "creditcardPayex").replace("\"currency\":\"NOK\"",
                "\"currency\":\"NOK\",\"prepaid\":true,\"paymentInfoOther\":{\"transactionId\":\"" + paymentId
                        + "\",\"provider\":\"psp\",\"amount\":299,\"currency\":\"NOK\"}");
        String token = clientToken();
        // Not paid yet: refused.
        api(token).body(prepaidOrder).when().post("/capi/v1/client/order")
                .then().statusCode(400).body("exceptionType", equalTo("PaymentVerificationException"));
        payWithCard("/psp/pay/" + paymentId, "4111 1111 1111 1111").then().statusCode(303);
        long orderId = register(token, prepaidOrder);
        given().redirects().follow(false).queryParam("clientId", CidTestSupport.CLIENT).queryParam("orderId", orderId)
                .queryParam("returnUrl", returnUrl()).when().get("/user/fulfillment")
                .then().statusCode(303).header("Location", returnUrl() + "&fulfillmentStatus=success");
        assertStatus(token, orderId, "completed");
        // The same payment cannot prepay a second order.
        api(token).body(prepaidOrder.replaceFirst("\"externalOrderId\":\"[^\"]*\"", "\"externalOrderId\":\"" + uniqueId() + "\""))
                .when().post("/capi/v1/client/order")
                .then().statusCode(400).body("exceptionType", equalTo("PaymentVerificationException"));
    }
}
