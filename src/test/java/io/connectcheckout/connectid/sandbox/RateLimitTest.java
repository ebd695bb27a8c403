package io.connectcheckout.connectid.sandbox;

import io.connectcheckout.testing.MutableClock;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a limit of 5 calls a minute, the sixth call of a client answers 429 with the rate-limit headers. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimit.class)
class RateLimitTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sandbox.connectid.rate-limit.per-minute", "5");
        }
    }

    @Test
    void theCallAfterTheLimitIsRefusedUntilTheWindowResets() {
        String token = clientToken();
        // Start at the beginning of a fresh minute window, so the six calls share one window.
        long now = new MutableClock().millis();
        MutableClock.advance(Duration.ofMillis(60_000 - now % 60_000 + 10));
        long expectedReset = (new MutableClock().millis() / 60_000 + 1) * 60;
        for (int left = 4; left >= 0; left--) {
            Response ok = api(token).when().get("/capi/v1/client/product");
            ok.then().statusCode(200);
            assertEquals(String.valueOf(left), ok.header("X-RateLimit-Remaining"));
            assertEquals(String.valueOf(expectedReset), ok.header("X-RateLimit-Reset"));
        }
        Response refused = api(token).when().get("/capi/v1/client/product");
        refused.then().statusCode(429)
                .body("exceptionType", equalTo("TooManyRequestsException"));
        assertEquals("0", refused.header("X-RateLimit-Remaining"));
        assertEquals(String.valueOf(expectedReset), refused.header("X-RateLimit-Reset"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        MutableClock.advance(Duration.ofSeconds(60));
        api(token).when().get("/capi/v1/client/product").then().statusCode(200);
    }
}
