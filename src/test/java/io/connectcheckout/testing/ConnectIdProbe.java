package io.connectcheckout.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;

/**
 * Asks the ConnectID sandbox, over its public HTTP API and as the demo publisher's client,
 * what it knows about an order: what a publisher's developer would check.
 */
public final class ConnectIdProbe {

    public static final String CLIENT_ID = "no.connectcheckout.demo";
    public static final String CLIENT_SECRET = "demo-secret";

    private ConnectIdProbe() {
    }

    public static String clientToken() {
        return given().auth().preemptive().basic(CLIENT_ID, CLIENT_SECRET)
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .when().post("/user/oauth/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** The order as {@code GET /capi/v1/client/order/status/{orderId}} reports it. */
    public static JsonPath order(long orderId) {
        return given().auth().oauth2(clientToken())
                .when().get("/capi/v1/client/order/status/" + orderId)
                .then().statusCode(200)
                .extract().jsonPath().setRootPath("orders[0]");
    }
}
