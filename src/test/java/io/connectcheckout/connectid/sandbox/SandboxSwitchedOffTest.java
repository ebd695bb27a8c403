package io.connectcheckout.connectid.sandbox;

import static io.restassured.RestAssured.given;

import io.connectcheckout.connectid.sandbox.oauth.CidClient;
import io.connectcheckout.testing.SandboxOffProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** With {@code sandbox.enabled=false} every ConnectID sandbox path answers 404 and nothing is seeded. */
@QuarkusTest
@TestProfile(SandboxOffProfile.class)
class SandboxSwitchedOffTest {

    @Test
    void everyPathAnswers404() {
        given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").when().post("/user/oauth/token")
                .then().statusCode(404);
        given().queryParams(BrowserLogin.authorizeParams("s")).when().get("/user/oauth/authorize").then().statusCode(404);
        given().when().get("/user/logout").then().statusCode(404);
        given().when().get("/user/link/0123456789abcdef0123456789abcdef").then().statusCode(404);
        given().when().get("/user/fulfillment?clientId=x&orderId=1").then().statusCode(404);
        given().header("Authorization", "Bearer x").when().get("/capi/v1/client/product").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").when().post("/capi/v1/client/order").then().statusCode(404);
    }

    @Test
    void nothingIsSeeded() {
        long clients = QuarkusTransaction.requiringNew().call(() -> CidClient.count());
        Assertions.assertEquals(0L, clients);
    }
}
