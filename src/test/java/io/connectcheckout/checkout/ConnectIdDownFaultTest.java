package io.connectcheckout.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ConnectID unreachable: the shopper gets a translated "try again" page within seconds, never a 500. */
@QuarkusTest
@TestProfile(ConnectIdDownFaultTest.Unreachable.class)
class ConnectIdDownFaultTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 9 (discard) refuses connections on this machine.
            return Map.of("quarkus.rest-client.connectid-api.url", "http://127.0.0.1:9/capi",
                    "quarkus.rest-client.connectid-login.url", "http://127.0.0.1:9/user");
        }
    }

    @Test
    void theOfferPageSaysTryAgainInEnglish() {
        given().header("Accept-Language", "en")
                .when().get("/checkout/demo/digital-month")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body(containsString("The service is temporarily unavailable"))
                .body(containsString("Nothing is lost"));
    }

    @Test
    void andInNorwegian() {
        given().header("Accept-Language", "nb")
                .when().get("/checkout/demo/digital-year")
                .then().statusCode(503)
                .body(containsString("Tjenesten er midlertidig utilgjengelig"));
    }

    @Test
    void theFrontPageDoesNotDependOnConnectId() {
        given().when().get("/").then().statusCode(200).body(containsString("Digital – monthly"));
    }
}
