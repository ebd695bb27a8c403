package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.order;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.register;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.connectcheckout.payment.client.PaymentProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 items 9, 10 (legacy name) and 11: the fulfillment URL as published clients build it
 * ({@code orderId} and {@code returnUrl} only, or under {@code /user/order}), and a fulfillment
 * that only the browser which started it can continue, return from or redirect.
 */
@QuarkusTest
class FulfillmentBrowserTest {

    @Inject
    Instance<PaymentProvider> provider;

    private final CookieFilter shopper = new CookieFilter();
    private final CookieFilter stranger = new CookieFilter();

    private static String returnUrl(String ref) {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/checkout/return?ref=" + ref;
    }

    @Test
    void withoutClientIdTheOrdersClientIsUsed() {
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        given().filter(shopper).redirects().follow(false).queryParam("orderId", orderId)
                .queryParam("returnUrl", returnUrl("nine")).when().get("/user/fulfillment")
                .then().statusCode(303).header("Location", returnUrl("nine") + "&fulfillmentStatus=success");
        api(token).when().get("/capi/v1/client/order/status/" + orderId)
                .then().body("orders[0].orderStatus", equalTo("completed"));
        // Without clientId the return URL is still held to the order's client's hosts.
        long other = register(token, order(uniqueId(), "invoice"));
        given().filter(shopper).redirects().follow(false).queryParam("orderId", other)
                .queryParam("returnUrl", "https://evil.example/back").when().get("/user/fulfillment")
                .then().statusCode(400).header("Location", nullValue());
    }

    /**
     * A guessed order id yields nothing (issue 13 item 11; outside attack, finding 1: ids counted up
     * from 1, so a stranger opened the next, unopened order's fulfillment first and completed it to
     * their own return URL). Ids are now drawn at random below 2^53: the ids around one's own order
     * are nobody's.
     */
    @Test
    void aGuessedOrderIdFindsNothing() {
        String token = clientToken();
        long mine = register(token, order(uniqueId(), "invoice"));
        long theirs = register(token, order(uniqueId(), "invoice"));
        for (long id : new long[] {mine, theirs}) {
            assertTrue(id >= 1L << 32 && id < 1L << 53, "an integer exact in every JSON reader, not a count: " + id);
        }
        assertTrue(Math.abs(theirs - mine) > 1_000_000, "the next order's id is not near mine: " + mine + ", " + theirs);
        for (long guess = mine - 10; guess <= mine + 10; guess++) {
            if (guess != mine) {
                given().filter(stranger).redirects().follow(false).queryParam("orderId", guess)
                        .queryParam("returnUrl", returnUrl("attacker")).when().get("/user/fulfillment")
                        .then().statusCode(400).header("Location", nullValue());
            }
        }
        api(token).when().get("/capi/v1/client/order/status/" + theirs)
                .then().body("orders[0].orderStatus", equalTo("preliminary"));
    }

    @Test
    void theLegacyNameLeadsToTheSameFulfillment() {
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        String location = given().filter(shopper).redirects().follow(false).queryParam("orderId", orderId)
                .queryParam("returnUrl", returnUrl("legacy")).when().get("/user/order")
                .then().statusCode(303).extract().header("Location");
        assertTrue(URI.create(location).getPath().equals("/user/fulfillment"), location);
        // The Location is already encoded: sent as it is, as a browser does.
        given().filter(shopper).urlEncodingEnabled(false).redirects().follow(false).when().get(location)
                .then().statusCode(303).header("Location", returnUrl("legacy") + "&fulfillmentStatus=success");
    }

    @Test
    void onlyTheBrowserThatStartedAFulfillmentCanContinueIt() {
        assumeTrue(provider.isResolvable(), "the payment sandbox is not part of this build");
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "creditcardPayex"));
        String payPage = given().filter(shopper).redirects().follow(false).queryParam("orderId", orderId)
                .queryParam("returnUrl", returnUrl("mine")).when().get("/user/fulfillment")
                .then().statusCode(303).extract().header("Location");
        assertTrue(payPage.contains("/psp/pay/"), payPage);

        // Another browser guessing the order id gets nothing: no return link, no payment page, no new return URL.
        given().filter(stranger).redirects().follow(false).queryParam("orderId", orderId)
                .when().get("/user/fulfillment/return")
                .then().statusCode(400).header("Location", nullValue());
        given().filter(stranger).redirects().follow(false).queryParam("clientId", CidTestSupport.CLIENT)
                .queryParam("orderId", orderId).queryParam("returnUrl", returnUrl("theirs"))
                .when().get("/user/fulfillment")
                .then().statusCode(400).header("Location", nullValue());
        given().filter(stranger).redirects().follow(false).queryParam("orderId", orderId)
                .queryParam("returnUrl", returnUrl("theirs")).when().get("/user/fulfillment")
                .then().statusCode(400).header("Location", nullValue());
        given().redirects().follow(false).cookie("cid_fulfillment", "0".repeat(64)).queryParam("orderId", orderId)
                .when().get("/user/fulfillment/return")
                .then().statusCode(400).header("Location", nullValue());
        api(token).when().get("/capi/v1/client/order/status/" + orderId)
                .then().body("orders[0].orderStatus", equalTo("preliminary"));

        // The shopper's own browser pays and comes back to its own return URL.
        String pagePath = URI.create(payPage).getPath();
        Response page = given().redirects().follow(false).when().get(pagePath);
        Response paid = BrowserLogin.postForm(page, pagePath + "/card",
                Map.of("cardNumber", "4111 1111 1111 1111", "expiry", "12/39", "cvc", "123"));
        String back = paid.header("Location");
        given().filter(stranger).redirects().follow(false).when().get(back)
                .then().statusCode(400).header("Location", nullValue());
        String end = given().filter(shopper).redirects().follow(false).when().get(back)
                .then().statusCode(303).extract().header("Location");
        assertEquals(returnUrl("mine") + "&fulfillmentStatus=success", end);
    }
}
