package io.connectcheckout.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.connectcheckout.testing.ConnectIdSwitch;
import io.connectcheckout.testing.FaultIsolation;
import io.connectcheckout.testing.FaultProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ConnectID unreachable: the shopper gets a translated "try again" page within seconds, never a 500. */
@QuarkusTest
@TestProfile(FaultProfile.class)
@ExtendWith(FaultIsolation.class)
class ConnectIdDownFaultTest {

    /** Unreachable: the switch in the wire to ConnectID's API drops every connection without an answer. */
    @BeforeEach
    void unreachable() {
        ConnectIdSwitch.WIRE.cut();
    }

    @AfterEach
    void restore() {
        ConnectIdSwitch.WIRE.up();
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
