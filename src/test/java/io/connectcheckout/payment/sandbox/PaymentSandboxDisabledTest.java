package io.connectcheckout.payment.sandbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectcheckout.payment.sandbox.merchants.PspMerchant;
import io.connectcheckout.testing.SandboxOffProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With {@code sandbox.enabled=false} (production) the payment sandbox does not exist: 404 and no merchants. */
@QuarkusTest
@TestProfile(SandboxOffProfile.class)
class PaymentSandboxDisabledTest {

    @Test
    void theApiAndThePagesAnswer404AndNoMerchantIsSeeded() {
        given().auth().oauth2(PspTestClient.DEMO_KEY).header("Idempotency-Key", "k").contentType("application/json")
                .body(PspTestClient.body("card", 100)).post("/psp/v1/payments").then().statusCode(404);
        given().get("/psp/pay/pay_anything").then().statusCode(404);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> PspMerchant.count()));
    }
}
