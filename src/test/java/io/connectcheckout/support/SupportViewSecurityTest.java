package io.connectcheckout.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The support view answers only to the operator, and tells whether and how a shopper was charged. */
@QuarkusTest
class SupportViewSecurityTest {

    static final String PASSWORD = "support-test-password";

    @Test
    void withoutOrWithWrongCredentialsItAsksForThem() {
        given().redirects().follow(false).when().get("/support")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("operator", "wrong-password").when().get("/support")
                .then().statusCode(401);
        given().auth().preemptive().basic("someone", PASSWORD).when().get("/support")
                .then().statusCode(401);
        given().header("Authorization", "Basic !!!not-base64").when().get("/support/checkouts/CCX")
                .then().statusCode(401);
    }

    @Test
    void theTimelineOfAPaidCheckoutShowsEveryStep() {
        Shopper shopper = Checkouts.completedInvoiceCheckout("support@example.no");
        String reference = Checkouts.reference(shopper);
        given().auth().preemptive().basic("operator", PASSWORD).redirects().follow(false)
                .when().get("/support?reference=" + reference.toLowerCase())
                .then().statusCode(303).header("Location", containsString("/support/checkouts/" + reference));
        given().auth().preemptive().basic("operator", PASSWORD)
                .when().get("/support/checkouts/" + reference)
                .then().statusCode(200)
                .body(containsString("COMPLETED"))
                .body(containsString("attempt_started"))
                .body(containsString("order_registered"))
                .body(containsString("order_completed"))
                .body(containsString("user_assigned"))
                .body(not(containsString("access_token")));
        given().auth().preemptive().basic("operator", PASSWORD).when().get("/support?reference=CCNOSUCHTHING")
                .then().statusCode(404).body(containsString("No checkout has the reference"));
    }
}
