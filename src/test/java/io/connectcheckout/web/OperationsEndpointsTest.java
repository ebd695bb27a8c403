package io.connectcheckout.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.connectcheckout.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, metrics and OpenAPI as operations reach them: on the management interface. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessIsUpWithTheDatabaseCheck() {
        given().when().get(Management.url("/q/health/ready"))
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    @Test
    void livenessIsUp() {
        given().when().get(Management.url("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().when().get(Management.url("/q/metrics")).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().when().get(Management.url("/q/openapi")).then().statusCode(200).body(containsString("openapi"));
    }
}
