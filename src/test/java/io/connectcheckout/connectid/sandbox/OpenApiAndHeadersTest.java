package io.connectcheckout.connectid.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.connectcheckout.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The Order API is described at /q/openapi (on the management interface), and even refusals carry the API version header. */
@QuarkusTest
class OpenApiAndHeadersTest {

    @Test
    void theOrderApiIsInTheOpenApiDocument() {
        given().when().get(Management.url("/q/openapi"))
                .then().statusCode(200)
                .body(containsString("/capi/v1/client/order"))
                .body(containsString("/capi/v1/client/coupon/price"))
                .body(containsString("RegisterOrderRequest"))
                .body(containsString("externalOrderId"));
    }

    @Test
    void refusalsCarryTheApiVersionHeader() {
        given().when().get("/capi/v1/order/status")
                .then().statusCode(401).header("X-Mediaconnect-Api-Version", notNullValue());
    }
}
