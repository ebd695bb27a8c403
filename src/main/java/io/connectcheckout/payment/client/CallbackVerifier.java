package io.connectcheckout.payment.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.connectcheckout.common.Money;
import io.connectcheckout.payment.api.CallbackJson;
import io.connectcheckout.payment.api.CallbackSignature;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a payment callback the way a receiver must: the signature over the raw bytes first
 * (before any JSON parsing), compared in constant time, with a timestamp no more than 300 seconds
 * away from now; only then is the body parsed.
 *
 * <p>Plain JDK ({@code javax.crypto.Mac} via {@link CallbackSignature}, {@link MessageDigest#isEqual}):
 * a keyed hash and a constant-time compare need no library.
 */
public final class CallbackVerifier {

    /** How far the signature's timestamp may be from now, either way. */
    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    private static final ObjectReader READER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readerFor(CallbackJson.class);

    private final Clock clock;

    public CallbackVerifier() {
        this(Clock.systemUTC());
    }

    public CallbackVerifier(Clock clock) {
        this.clock = clock;
    }

    /**
     * Verifies and parses a callback.
     *
     * @param signatureHeader {@code t=<unix seconds>,v1=<hex HMAC-SHA256>[,v1=...]}: accepted when any
     *         {@code v1} matches (providers send one per secret while they rotate secrets)
     * @throws InvalidCallbackException for a missing or malformed header, no matching signature (tampered
     *         body, wrong secret), a timestamp outside the tolerance, or a body that is not a callback
     */
    public CallbackEvent verify(String secret, byte[] rawBody, String signatureHeader) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("no callback secret configured");
        }
        if (rawBody == null || signatureHeader == null || signatureHeader.length() > 500) {
            throw new InvalidCallbackException("missing body or signature");
        }
        Long timestamp = null;
        // One v1 per secret the provider signs with: several while it rotates secrets.
        List<byte[]> given = new ArrayList<>();
        for (String part : signatureHeader.split(",")) {
            String item = part.trim();
            try {
                if (item.startsWith("t=")) {
                    timestamp = Long.parseLong(item.substring(2));
                } else if (item.startsWith("v1=")) {
                    given.add(HexFormat.of().parseHex(item.substring(3)));
                }
            } catch (IllegalArgumentException malformed) {
                throw new InvalidCallbackException("malformed signature header");
            }
        }
        if (timestamp == null || given.isEmpty()) {
            throw new InvalidCallbackException("malformed signature header");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > TOLERANCE.toSeconds()) {
            throw new InvalidCallbackException("signature timestamp outside the tolerance");
        }
        byte[] expected = CallbackSignature.mac(secret, timestamp, rawBody);
        boolean matches = false;
        for (byte[] signature : given) {
            // Every candidate is compared, in constant time each: how far the loop got tells nothing.
            matches |= MessageDigest.isEqual(expected, signature);
        }
        if (!matches) {
            throw new InvalidCallbackException("signature does not match");
        }
        return parse(rawBody);
    }

    private static CallbackEvent parse(byte[] rawBody) {
        try {
            CallbackJson json = READER.readValue(rawBody);
            if (json.eventId() == null || json.paymentId() == null || json.state() == null
                    || json.state().isBlank() || json.state().length() > 40
                    || json.amount() == null || json.amount().value() == null || json.amount().currency() == null) {
                throw new InvalidCallbackException("callback body misses fields");
            }
            return new CallbackEvent(json.eventId(), json.paymentId(), json.reference(), json.state(),
                    Money.ofMinor(json.amount().value(), json.amount().currency()), json.occurredAt());
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidCallbackException("callback body is not a valid callback");
        }
    }
}
