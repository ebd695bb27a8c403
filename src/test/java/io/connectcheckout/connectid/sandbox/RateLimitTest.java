package io.connectcheckout.connectid.sandbox;

import io.connectcheckout.testing.MutableClock;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With a limit of 5 calls a minute, the sixth call of a client answers 429 with the rate-limit headers. */
@QuarkusTest
class RateLimitTest {

    @Inject
    RateLimiter limiter;

    @Inject
    ConnectIdSandboxConfig config;

    /** 5 calls a minute for this class only (the per-second limit stays as configured). */
    @BeforeEach
    void lowLimit() {
        limiter.limitForTests(config.rateLimit().perSecond(), 5);
    }

    @AfterEach
    void configuredLimits() {
        limiter.restoreConfiguredLimitsForTests();
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
