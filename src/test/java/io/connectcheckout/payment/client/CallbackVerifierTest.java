package io.connectcheckout.payment.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectcheckout.common.Money;
import io.connectcheckout.payment.api.CallbackSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The receiver's check of a callback: signature over the raw bytes, secret, timestamp tolerance. */
class CallbackVerifierTest {

    private static final String SECRET = "whsec_test";
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final byte[] BODY = ("{\"eventId\":\"evt_1\",\"paymentId\":\"pay_1\",\"reference\":\"order-1\","
            + "\"state\":\"CAPTURED\",\"amount\":{\"value\":12900,\"currency\":\"NOK\"},"
            + "\"occurredAt\":\"2026-11-28T11:59:58Z\"}").getBytes(StandardCharsets.UTF_8);

    private final CallbackVerifier verifier = new CallbackVerifier(Clock.fixed(NOW, ZoneOffset.UTC));

    private static String sign(String secret, long t, byte[] body) {
        return CallbackSignature.header(secret, t, body);
    }

    @Test
    void aCorrectlySignedCallbackIsParsed() {
        CallbackEvent event = verifier.verify(SECRET, BODY, sign(SECRET, NOW.getEpochSecond(), BODY));
        assertEquals("evt_1", event.eventId());
        assertEquals("pay_1", event.paymentId());
        assertEquals(java.util.Optional.of(PaymentState.CAPTURED), event.state());
        assertEquals(Money.ofMinor(12900, "NOK"), event.amount());
        assertEquals(Instant.parse("2026-11-28T11:59:58Z"), event.occurredAt());
    }

    @Test
    void anEventTypeThisVersionDoesNotKnowIsCarriedNotRefused() {
        byte[] body = new String(BODY, StandardCharsets.UTF_8).replace("CAPTURED", "DISPUTE_OPENED")
                .getBytes(StandardCharsets.UTF_8);
        CallbackEvent event = verifier.verify(SECRET, body, sign(SECRET, NOW.getEpochSecond(), body));
        assertEquals("DISPUTE_OPENED", event.stateName());
        assertEquals(java.util.Optional.empty(), event.state());
    }

    @Test
    void aBlankStateIsNotACallback() {
        byte[] body = new String(BODY, StandardCharsets.UTF_8).replace("CAPTURED", " ").getBytes(StandardCharsets.UTF_8);
        assertThrows(InvalidCallbackException.class,
                () -> verifier.verify(SECRET, body, sign(SECRET, NOW.getEpochSecond(), body)));
    }

    @Test
    void theSignatureMatchesAnIndependentlyComputedHmac() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(
                mac.doFinal((NOW.getEpochSecond() + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        assertEquals("t=" + NOW.getEpochSecond() + ",v1=" + expected, sign(SECRET, NOW.getEpochSecond(), BODY));
    }

    @Test
    void aTamperedBodyIsRefused() {
        String header = sign(SECRET, NOW.getEpochSecond(), BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("12900", "1").getBytes(StandardCharsets.UTF_8);
        assertThrows(InvalidCallbackException.class, () -> verifier.verify(SECRET, tampered, header));
    }

    @Test
    void aWrongSecretIsRefused() {
        assertThrows(InvalidCallbackException.class,
                () -> verifier.verify(SECRET, BODY, sign("whsec_other", NOW.getEpochSecond(), BODY)));
    }

    @Test
    void aTimestampOutsideThreeHundredSecondsIsRefusedEitherWay() {
        long t = NOW.getEpochSecond();
        verifier.verify(SECRET, BODY, sign(SECRET, t - 300, BODY));
        verifier.verify(SECRET, BODY, sign(SECRET, t + 300, BODY));
        assertThrows(InvalidCallbackException.class, () -> verifier.verify(SECRET, BODY, sign(SECRET, t - 301, BODY)));
        assertThrows(InvalidCallbackException.class, () -> verifier.verify(SECRET, BODY, sign(SECRET, t + 301, BODY)));
    }

    @Test
    void aTimestampChangedAfterSigningIsRefused() {
        String header = sign(SECRET, NOW.getEpochSecond() - 10, BODY).replace("t=" + (NOW.getEpochSecond() - 10),
                "t=" + NOW.getEpochSecond());
        assertThrows(InvalidCallbackException.class, () -> verifier.verify(SECRET, BODY, header));
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        for (String header : new String[] {null, "", "v1=abc", "t=1", "t=x,v1=00", "t=" + NOW.getEpochSecond() + ",v1=zz"}) {
            assertThrows(InvalidCallbackException.class, () -> verifier.verify(SECRET, BODY, header), String.valueOf(header));
        }
    }

    @Test
    void aSignedBodyThatIsNotACallbackIsRefused() {
        byte[] body = "{\"hello\":1}".getBytes(StandardCharsets.UTF_8);
        assertThrows(InvalidCallbackException.class,
                () -> verifier.verify(SECRET, body, sign(SECRET, NOW.getEpochSecond(), body)));
    }

    /**
     * Providers rotating a secret sign with both and send one {@code v1} per secret: whichever
     * comes first, one matching {@code v1} is enough; none matching is refused (issue 12, item 15).
     */
    @Test
    void anyMatchingV1SignatureIsAcceptedWhileSecretsRotate() {
        long t = NOW.getEpochSecond();
        String valid = sign(SECRET, t, BODY).replaceFirst("^t=\\d+,", "");
        String other = sign("whsec_previous", t, BODY).replaceFirst("^t=\\d+,", "");
        assertEquals("evt_1", verifier.verify(SECRET, BODY, "t=" + t + "," + valid + "," + other).eventId());
        assertEquals("evt_1", verifier.verify(SECRET, BODY, "t=" + t + "," + other + "," + valid).eventId());
        assertEquals("evt_1", verifier.verify(SECRET, BODY, "t=" + t + ", " + other + ", " + valid).eventId());
        String stranger = sign("whsec_stranger", t, BODY).replaceFirst("^t=\\d+,", "");
        assertThrows(InvalidCallbackException.class,
                () -> verifier.verify(SECRET, BODY, "t=" + t + "," + other + "," + stranger));
    }
}
