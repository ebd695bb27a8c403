package io.connectcheckout.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checkout POSTs beyond the limit get 429 with Retry-After and the translated page; pages stay open. */
@QuarkusTest
class RateLimitSecurityTest {

    @Inject
    RateLimits limits;

    /** Low limits for this class only; the rest of the suite runs with the high ones of the test configuration. */
    @BeforeEach
    void lowLimits() {
        limits.limitForTests(5, 3);
    }

    @AfterEach
    void configuredLimits() {
        limits.restoreConfiguredLimitsForTests();
    }

    @Test
    void theSixthPostInAMinuteFromOneAddressIsRefused() {
        int refused = 0;
        Response last = null;
        for (int i = 0; i < 6; i++) {
            // Without a CSRF token each POST is refused with 400, but it still counts towards the limit.
            last = given().header("Accept-Language", "nb").formParam("paymentOption", "invoice")
                    .when().post("/checkout/demo/digital-month");
            if (last.statusCode() == 429) {
                refused++;
            }
        }
        assertEquals(1, refused);
        assertEquals(429, last.statusCode());
        assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1);
        assertTrue(last.asString().contains("For mange forsøk"));
        // Reading pages is not limited.
        given().when().get("/checkout/demo/digital-month").then().statusCode(200);
        given().when().get("/").then().statusCode(200).body(containsString("Digital"));
    }
}
