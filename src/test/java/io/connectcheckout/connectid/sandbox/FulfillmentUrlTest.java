package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.order;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.register;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The fulfillment URL's checks (client, order ownership, return hosts: an error page, never a
 * redirect) and the orders it finishes without a payment. Payments through the provider: see
 * the end-to-end test.
 */
@QuarkusTest
class FulfillmentUrlTest {

    private static String returnUrl() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/checkout/return?ref=r1";
    }

    /** This test's browser: keeps the fulfillment cookie between its visits, as a browser does. */
    private final CookieFilter browser = new CookieFilter();

    private RequestSpecification visit(String clientId, long orderId, String returnUrl, String errorUrl) {
        return given().filter(browser).redirects().follow(false).queryParam("clientId", clientId).queryParam("orderId", orderId)
                .queryParam("returnUrl", returnUrl).queryParam("errorUrl", errorUrl);
    }

    @Test
    void anInvoiceOrderIsCompletedAndTheBrowserGoesStraightBack() {
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        visit(CidTestSupport.CLIENT, orderId, returnUrl(), "https://demo.connectcheckout.io/error")
                .when().get("/user/fulfillment")
                .then().statusCode(303).header("Location", returnUrl() + "&fulfillmentStatus=success");
        api(token).when().get("/capi/v1/client/order/status/" + orderId)
                .then().body("orders[0].orderStatus", equalTo("completed"));
        // A second visit reports the outcome again and changes nothing.
        visit(CidTestSupport.CLIENT, orderId, returnUrl(), "https://demo.connectcheckout.io/error")
                .when().get("/user/fulfillment")
                .then().statusCode(303).header("Location", returnUrl() + "&fulfillmentStatus=success");
    }

    @Test
    void badRequestsGetAnErrorPageAndNeverARedirect() {
        long orderId = register(clientToken(), order(uniqueId(), "invoice"));
        visit("no.unknown.client", orderId, returnUrl(), returnUrl()).when().get("/user/fulfillment")
                .then().statusCode(400).header("Location", nullValue()).body(containsString("could not continue"));
        visit(CidTestSupport.CLIENT, orderId, "https://evil.example/back", returnUrl()).when().get("/user/fulfillment")
                .then().statusCode(400).header("Location", nullValue());
        visit(CidTestSupport.CLIENT, orderId, "//evil.example/back", returnUrl()).when().get("/user/fulfillment")
                .then().statusCode(400).header("Location", nullValue());
        visit(CidTestSupport.CLIENT, orderId, "javascript:alert(1)", returnUrl()).when().get("/user/fulfillment")
                .then().statusCode(400).header("Location", nullValue());
        visit(CidTestSupport.CLIENT, orderId, returnUrl(), "https://evil.example/err").when().get("/user/fulfillment")
                .then().statusCode(400).header("Location", nullValue());
        visit(CidTestSupport.CLIENT, 987654321L, returnUrl(), returnUrl()).when().get("/user/fulfillment")
                .then().statusCode(400).header("Location", nullValue());
        given().redirects().follow(false).queryParam("orderId", "abc").when().get("/user/fulfillment/return")
                .then().statusCode(400).header("Location", nullValue());
        // An order that never went to the payment provider has nothing to return from.
        given().redirects().follow(false).queryParam("orderId", orderId).when().get("/user/fulfillment/return")
                .then().statusCode(400).header("Location", nullValue());
    }
}
