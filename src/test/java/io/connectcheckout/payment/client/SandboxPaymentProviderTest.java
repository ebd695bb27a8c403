package io.connectcheckout.payment.client;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.common.Money;
import io.connectcheckout.payment.api.CallbackSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The PaymentProvider port against the running sandbox, over HTTP only. */
@QuarkusTest
class SandboxPaymentProviderTest {

    private static final PaymentAccount DEMO = new PaymentAccount("psp_test_demo_key", "whsec_demo");

    @Inject
    PaymentProvider provider;

    @Test
    void startPayCaptureRefundThroughThePort() {
        String key = UUID.randomUUID().toString();
        PaymentRequest request = request(Money.of("299.00", "NOK"), PaymentMethod.CARD);
        StartedPayment started = provider.start(DEMO, request, key);
        assertEquals(PaymentState.CREATED, started.state());
        assertTrue(started.redirectUrl().getPath().startsWith("/psp/pay/pay_"), started.redirectUrl().toString());
        // A retried start with the same key is the same payment.
        assertEquals(started.paymentId(), provider.start(DEMO, request, key).paymentId());

        payOnTheHostedPage(started.redirectUrl());

        PaymentDetails authorized = provider.get(DEMO, started.paymentId());
        assertEquals(PaymentState.AUTHORIZED, authorized.state());
        assertEquals(PaymentMethod.CARD, authorized.method());
        assertEquals("**** 1111", authorized.maskedCard());
        assertEquals(Money.of("299.00", "NOK"), authorized.amount());

        PaymentDetails captured = provider.capture(DEMO, started.paymentId(), UUID.randomUUID().toString());
        assertEquals(PaymentState.CAPTURED, captured.state());
        assertEquals(Money.of("299.00", "NOK"), captured.captured());

        PaymentDetails partly = provider.refund(DEMO, started.paymentId(), Money.of("99.00", "NOK"), UUID.randomUUID().toString());
        assertEquals(PaymentState.PARTIALLY_REFUNDED, partly.state());
        assertEquals(Money.of("99.00", "NOK"), partly.refunded());
        assertTrue(partly.events().stream().anyMatch(e -> e.type().equals("refunded")));
    }

    @Test
    void refusalsArriveAsPaymentRejectedWithTheStableCode() {
        StartedPayment started = provider.start(DEMO, request(Money.of("10.00", "NOK"), PaymentMethod.WALLET),
                UUID.randomUUID().toString());
        PaymentRejectedException illegal = assertThrows(PaymentRejectedException.class,
                () -> provider.capture(DEMO, started.paymentId(), UUID.randomUUID().toString()));
        assertEquals(409, illegal.status());
        assertEquals("illegal_state", illegal.code());

        PaymentRejectedException unknown = assertThrows(PaymentRejectedException.class,
                () -> provider.get(DEMO, "pay_missing"));
        assertEquals(404, unknown.status());

        PaymentRejectedException badKey = assertThrows(PaymentRejectedException.class,
                () -> provider.get(new PaymentAccount("psp_test_nope", "x"), started.paymentId()));
        assertEquals("unauthorized", badKey.code());

        PaymentRequest elsewhere = new PaymentRequest("order-" + UUID.randomUUID(), Money.of("10.00", "NOK"), "x",
                PaymentMethod.CARD, URI.create("https://evil.example/back"), null, false);
        PaymentRejectedException host = assertThrows(PaymentRejectedException.class,
                () -> provider.start(DEMO, elsewhere, UUID.randomUUID().toString()));
        assertEquals("return_url_not_allowed", host.code());
    }

    @Test
    void verifyCallbackChecksTheSignatureWithTheAccountSecret() {
        byte[] body = ("{\"eventId\":\"evt_9\",\"paymentId\":\"pay_9\",\"reference\":\"r\",\"state\":\"AUTHORIZED\","
                + "\"amount\":{\"value\":100,\"currency\":\"NOK\"},\"occurredAt\":\"2026-11-28T12:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        String header = CallbackSignature.header("whsec_demo", Instant.now().getEpochSecond(), body);
        assertEquals("evt_9", provider.verifyCallback(DEMO, body, header).eventId());
        assertThrows(InvalidCallbackException.class,
                () -> provider.verifyCallback(new PaymentAccount("psp_test_demo_key", "whsec_other"), body, header));
    }

    private static PaymentRequest request(Money amount, PaymentMethod method) {
        return new PaymentRequest("order-" + UUID.randomUUID(), amount, "Digital – yearly", method,
                URI.create("http://localhost:" + RestAssured.port + "/?back=1"), null, false);
    }

    private static void payOnTheHostedPage(URI page) {
        Response form = given().get(page.getPath());
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find());
        given().cookies(form.cookies()).redirects().follow(false)
                .formParams(Map.of("csrf-token", token.group(1), "cardNumber", "4111 1111 1111 1111",
                        "expiry", "12/39", "cvc", "123"))
                .post(page.getPath() + "/card").then().statusCode(303);
    }
}
