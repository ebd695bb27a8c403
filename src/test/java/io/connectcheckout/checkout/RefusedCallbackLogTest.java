package io.connectcheckout.checkout;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.testing.ErrorLog;
import io.connectcheckout.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Found by the outside attack of stop 23: every unsigned or forged payment callback wrote a WARN
 * line, so anyone could flood the log. Refusals answer 401 as before, log nothing at WARN, and are
 * counted per publisher on the management port instead.
 */
@QuarkusTest
class RefusedCallbackLogTest {

    @Test
    void refusedCallbacksAreCountedNotLogged() {
        double before = refused();
        try (ErrorLog log = ErrorLog.openWithWarnings()) {
            for (int i = 0; i < 30; i++) {
                given().contentType("application/json").header("Signature", i % 2 == 0 ? "t=1,v1=forged" : "")
                        .body("{\"type\":\"CAPTURED\"}").post("/callbacks/payment/demo").then().statusCode(401);
            }
            assertTrue(log.lines().stream().noneMatch(l -> l.contains("callback")), "log lines: " + log.lines());
        }
        assertEquals(before + 30, refused(), 0.001);
    }

    private static double refused() {
        String body = new String(given().get(Management.url("/q/metrics")).then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        return body.lines().filter(l -> l.startsWith("checkout_payment_callbacks_refused_total{") && l.contains("publisher=\"demo\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
