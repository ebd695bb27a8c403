package io.connectcheckout.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checkout POSTs beyond the limit get 429 with Retry-After and the translated page; pages stay open. */
@QuarkusTest
@TestProfile(RateLimitSecurityTest.LowLimits.class)
class RateLimitSecurityTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("checkout.rate-limit.per-address-per-minute", "5",
                    "checkout.rate-limit.per-session-per-minute", "3");
        }
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
