package io.connectcheckout.payment.sandbox;

import static io.connectcheckout.payment.sandbox.PspTestClient.assertBackToMerchant;
import static io.connectcheckout.payment.sandbox.PspTestClient.createPayment;
import static io.connectcheckout.payment.sandbox.PspTestClient.get;
import static io.connectcheckout.payment.sandbox.PspTestClient.state;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.payment.sandbox.PspTestClient.Shopper;
import io.connectcheckout.payment.sandbox.payments.PspPayment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hosted payment page, driven over HTTP like a browser without JavaScript. */
@QuarkusTest
class HostedPaymentPageTest {

    @Test
    void thePageShowsMerchantDescriptionAndAmount() {
        String id = createPayment("card", 12900);
        new Shopper().open("/psp/pay/" + id).then().statusCode(200)
                .body(containsString("Dagsavisen Demo"))
                .body(containsString("Digital – monthly"))
                .body(containsString("NOK 129.00"))
                .body(containsString("autocomplete=\"cc-number\""));
    }

    @Test
    void thePageSpeaksNorwegian() {
        String id = createPayment("card", 12900);
        given().header("Accept-Language", "nb").when().get("/psp/pay/" + id).then().statusCode(200)
                .body(containsString("<html lang=\"nb\">"))
                .body(containsString("Kortnummer"))
                .body(containsString("kr 129,00"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "4111 1111 1111 1111, AUTHORIZED, ",
            "5555555555554444, AUTHORIZED, ",
            "4000 0000 0000 0002, FAILED, declined",
            "4000 0000 0000 9995, FAILED, insufficient_funds",
            "4000 0000 0000 0119, FAILED, processing_error"})
    void eachTestCardHasItsOutcome(String card, String state, String reason) {
        String id = createPayment("card", 12900);
        Response answer = new Shopper().payWithCard(id, card, "12/39", "123");
        assertBackToMerchant(answer, id);
        get(id).then().statusCode(200)
                .body("state", equalTo(state))
                .body("maskedCard", equalTo("**** " + card.replace(" ", "").substring(12)))
                .body("failureReason", equalTo(reason));
    }

    @Test
    void threeDSecureApproved() {
        String id = createPayment("card", 5000);
        Shopper shopper = new Shopper();
        Response answer = shopper.payWithCard(id, "4000000000003220", "12/39", "123");
        assertEquals(303, answer.statusCode());
        assertTrue(answer.header("Location").endsWith("/psp/pay/" + id + "/3ds"));
        assertEquals("CREATED", state(id));
        shopper.open("/psp/pay/" + id + "/3ds").then().statusCode(200).body(containsString("**** 3220"));
        assertBackToMerchant(shopper.post("/psp/pay/" + id + "/3ds", Map.of("decision", "approve")), id);
        assertEquals("AUTHORIZED", state(id));
    }

    @Test
    void threeDSecureFailed() {
        String id = createPayment("card", 5000);
        Shopper shopper = new Shopper();
        shopper.payWithCard(id, "4000000000003220", "12/39", "123");
        shopper.open("/psp/pay/" + id + "/3ds");
        assertBackToMerchant(shopper.post("/psp/pay/" + id + "/3ds", Map.of("decision", "fail")), id);
        get(id).then().body("state", equalTo("FAILED")).body("failureReason", equalTo("three_ds_failed"));
    }

    @Test
    void walletApproved() {
        String id = createPayment("wallet", 9900);
        Shopper shopper = new Shopper();
        shopper.open("/psp/pay/" + id).then().body(containsString("type=\"tel\""));
        Response next = shopper.post("/psp/pay/" + id + "/wallet", Map.of("mobile", "912 34 567"));
        assertEquals(303, next.statusCode());
        shopper.open("/psp/pay/" + id + "/wallet").then().statusCode(200).body(containsString("567"))
                .body(not(containsString("912 34 567")));
        assertBackToMerchant(shopper.post("/psp/pay/" + id + "/wallet/confirm", Map.of("decision", "approve")), id);
        assertEquals("AUTHORIZED", state(id));
    }

    @Test
    void walletRejected() {
        String id = createPayment("wallet", 9900);
        Shopper shopper = new Shopper();
        shopper.open("/psp/pay/" + id);
        shopper.post("/psp/pay/" + id + "/wallet", Map.of("mobile", "+47 41234567"));
        shopper.open("/psp/pay/" + id + "/wallet");
        assertBackToMerchant(shopper.post("/psp/pay/" + id + "/wallet/confirm", Map.of("decision", "reject")), id);
        get(id).then().body("state", equalTo("FAILED")).body("failureReason", equalTo("wallet_rejected"));
    }

    @Test
    void aWrongMobileNumberIsExplained() {
        String id = createPayment("wallet", 9900);
        Shopper shopper = new Shopper();
        shopper.open("/psp/pay/" + id);
        shopper.post("/psp/pay/" + id + "/wallet", Map.of("mobile", "12345")).then().statusCode(400)
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("Enter a Norwegian mobile number"));
        assertEquals("CREATED", state(id));
    }

    @Test
    void cancelAbortsThePayment() {
        String id = createPayment("card", 5000);
        Shopper shopper = new Shopper();
        shopper.open("/psp/pay/" + id);
        assertBackToMerchant(shopper.post("/psp/pay/" + id + "/cancel", Map.of()), id);
        assertEquals("ABORTED", state(id));
        // The page no longer takes a card: the payment is closed.
        shopper.open("/psp/pay/" + id).then().statusCode(200).body(containsString("This payment is closed"));
        shopper.post("/psp/pay/" + id + "/card", Map.of("cardNumber", "4111111111111111", "expiry", "12/39",
                "cvc", "123")).then().statusCode(303);
        assertEquals("ABORTED", state(id));
    }

    /** Issue 14 item 11: the expiry as people type it, with or without a separator, two- or four-digit year. */
    @ParameterizedTest(name = "expiry {0}")
    @CsvSource({"1239", "12/39", "12 / 2039", "12-39", "12.39", "122039", "1/39", " 12 /39 "})
    void theExpiryIsReadAsPeopleTypeIt(String expiry) {
        String id = createPayment("card", 12900);
        assertBackToMerchant(new Shopper().payWithCard(id, "4111 1111 1111 1111", expiry, "123"), id);
        get(id).then().body("state", equalTo("AUTHORIZED"));
    }

    @ParameterizedTest(name = "expiry {0}")
    @CsvSource({"139", "13/39", "12/3", "00/39", "12/39/1", "december"})
    void anExpiryThatIsNoMonthIsExplained(String expiry) {
        String id = createPayment("card", 12900);
        new Shopper().payWithCard(id, "4111 1111 1111 1111", expiry, "123").then().statusCode(400)
                .body(containsString("Enter the expiry date"));
    }

    /** Issue 14 item 11: one field's error keeps what was right in the others (never the security code). */
    @Test
    void aFieldErrorKeepsTheOtherFields() {
        String id = createPayment("card", 12900);
        new Shopper().payWithCard(id, "4111 1111 1111 1111", "13/39", "123").then().statusCode(400)
                .body(containsString("value=\"4111 1111 1111 1111\""))
                .body(containsString("value=\"13/39\""))
                .body(not(containsString("value=\"123\"")));
    }

    @Test
    void aBadCardNumberExpiryOrCvcIsExplainedAndChangesNothing() {
        String id = createPayment("card", 5000);
        Shopper shopper = new Shopper();
        shopper.payWithCard(id, "4111 1111 1111 1112", "01/20", "12").then().statusCode(400)
                .body(containsString("This card number is not valid"))
                .body(containsString("This card has expired"))
                .body(containsString("security code"))
                .body(containsString("id=\"error-summary\""))
                .body(not(containsString("4111 1111 1111 1112")));
        shopper.payWithCard(id, "abc", "13/30", "").then().statusCode(400)
                .body(containsString("Enter the card number"))
                .body(containsString("Enter the expiry date"));
        get(id).then().body("state", equalTo("CREATED")).body("maskedCard", equalTo(null));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        String id = createPayment("card", 5000);
        given().formParams(Map.of("cardNumber", "4111111111111111", "expiry", "12/39", "cvc", "123"))
                .when().post("/psp/pay/" + id + "/card").then().statusCode(400);
        assertEquals("CREATED", state(id));
    }

    @Test
    void anUnknownPaymentPageIsNotFound() {
        given().when().get("/psp/pay/pay_doesnotexist").then().statusCode(404);
    }

    @Test
    void aPaymentNotCompletedInTimeExpires() throws InterruptedException {
        String id = createPayment("card", 5000);
        Shopper shopper = new Shopper();
        shopper.open("/psp/pay/" + id); // the shopper has the card form open, then walks away
        QuarkusTransaction.requiringNew().run(() -> PspPayment.update("expiresAt = ?1 where paymentId = ?2",
                Instant.now().minusSeconds(1), id));
        // The expiry job runs every second in tests; it, not the read, must expire the payment.
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"EXPIRED".equals(QuarkusTransaction.requiringNew().call(
                () -> PspPayment.byPaymentId(id).state.name())) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        get(id).then().body("state", equalTo("EXPIRED"))
                .body("events.type", org.hamcrest.Matchers.hasItem("expired"));
        Response late = shopper.post("/psp/pay/" + id + "/card",
                Map.of("cardNumber", "4111111111111111", "expiry", "12/39", "cvc", "123"));
        assertEquals(303, late.statusCode());
        assertFalse(late.header("Location").contains("paymentId="), "no return to the merchant as if paid");
        assertEquals("EXPIRED", state(id));
        shopper.open("/psp/pay/" + id).then().statusCode(200).body(containsString("The time to pay ran out"));
    }
}
