package io.connectcheckout.connectid.sandbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Parses request bodies here rather than in the JAX-RS layer, so malformed bodies and wrong types
 * get the contract's 400 {@code ValidationException} body instead of the framework's default. A body
 * sent as {@code application/xml} or {@code text/xml} is read as XML ({@link ApiXml}), anything else
 * as JSON (the default). The message names the field and what it takes in plain words, never a Java
 * type ("Malformed JSON: orderLines[0].quantity must be a number"). Every string read must be text
 * ({@link BodyText}).
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper mapper;
    private final ApiXml xml;
    private final HttpHeaders headers;

    public JsonBodies(ObjectMapper mapper, ApiXml xml, HttpHeaders headers) {
        this.mapper = strict(mapper);
        this.xml = xml;
        this.headers = headers;
    }

    /**
     * The application's mapper (its modules and settings), copied so the Order API's stricter
     * reading stays its own: a fraction is no whole number ({@code "quantity":1.9} was read as 1,
     * an {@code orderId} with a fraction completed the order without it) and a number is no
     * {@code true} or {@code false} ({@code "isSendMessage":1} was read as true; outside attack of
     * 2026-12-08).
     */
    private static ObjectMapper strict(ObjectMapper application) {
        ObjectMapper strict = application.copy().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return strict;
    }

    /**
     * Reads a request body into a wire record.
     *
     * @param body the raw bytes: text in the {@code Content-Type}'s charset; when it names none, UTF-8
     *     for JSON (RFC 8259 §8.1) and for XML the encoding the body gives for itself (its byte order
     *     mark or XML declaration, RFC 7303 §3.2; {@link ApiXml#encoding}). A charset parameter wins
     *     over an XML declaration: the XML is then parsed from the decoded text, and the parser does
     *     not read the declared encoding.
     * @throws ApiException 400 {@code ValidationException} naming the field: a missing or unreadable
     *     body, a value of the wrong kind, bytes that are not text, an XML encoding this server does
     *     not know, or a string with a control character, a lone surrogate or a noncharacter
     *     ({@link BodyText})
     */
    public <T> T parse(byte[] body, Class<T> type) {
        MediaType mediaType = headers.getMediaType();
        byte[] bytes = body == null ? new byte[0] : body;
        boolean isXml = isXml(mediaType);
        Charset charset = isXml && !namesCharset(mediaType) ? xml.encoding(bytes) : charset(mediaType);
        BodyText.Decoded decoded = BodyText.decode(bytes, charset);
        T value;
        try {
            value = parse(decoded.text(), type, mediaType);
        } catch (ApiException unreadable) {
            if (decoded.malformed()) {
                throw ApiException.validation("the body must be " + charset.name() + " text");
            }
            throw unreadable;
        }
        if (decoded.malformed()) {
            String field = BodyText.find(value, s -> s.indexOf(BodyText.REPLACEMENT) >= 0).orElse("the body");
            throw ApiException.validation(field + " must be " + charset.name() + " text");
        }
        BodyText.find(value, BodyText::unreadable).ifPresent(field -> {
            throw ApiException.validation(field + " must not contain control characters, lone surrogates or noncharacters");
        });
        return value;
    }

    private <T> T parse(String body, Class<T> type, MediaType mediaType) {
        if (body.isBlank()) {
            throw ApiException.validation("Request body is missing");
        }
        boolean isXml = isXml(mediaType);
        JsonParser parser = null;
        try {
            T value;
            if (isXml) {
                value = xml.read(body, type);
            } else {
                // A name sent twice is refused, not read as its last value (RFC 8259 §4 leaves it undefined).
                ObjectReader reader = mapper.readerFor(type).with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
                parser = reader.createParser(body);
                value = reader.readValue(parser);
                endsHere(parser, mediaType);
            }
            if (value == null) {
                throw ApiException.validation("Request body is missing");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ApiException.validation(malformed(isXml) + ParseMessages.describe(e, parser, isXml) + readAsJson(mediaType));
        } catch (java.io.IOException e) {
            throw ApiException.validation(malformed(isXml) + "the body could not be read" + readAsJson(mediaType));
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (java.io.IOException ignored) {
                    // A parser over a string holds nothing to release.
                }
            }
        }
    }

    /**
     * Refuses what follows the body's JSON value (a second document, {@code garbage}): ignored, the
     * first document won (outside attack of 2026-12-08). Jackson's {@code FAIL_ON_TRAILING_TOKENS}
     * checks the same thing, but reports a second value as a type mismatch and a broken one as a
     * parse error at the top level, which only its message text would tell from other errors; so the
     * one token it reads is read here.
     */
    private static void endsHere(JsonParser parser, MediaType mediaType) throws java.io.IOException {
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (JsonProcessingException unreadable) {
            more = true;
        }
        if (more) {
            throw ApiException.validation(malformed(false) + "the body goes on after its JSON value (send one JSON object)"
                    + readAsJson(mediaType));
        }
    }

    private static String malformed(boolean isXml) {
        return isXml ? "Malformed XML: " : "Malformed JSON: ";
    }

    /**
     * Our choice (docs/connectid-sandbox.md, Order API form posts): a body of a type that is neither
     * XML nor JSON (text/plain, a form type, none at all) is read as JSON, as old clients send JSON
     * under other types; only multipart is refused (415). A body that then is no JSON says so.
     */
    private static String readAsJson(MediaType type) {
        if (isXml(type) || (type != null && (type.getSubtype().equalsIgnoreCase("json")
                || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json")))) {
            return "";
        }
        return type == null ? " (a body without a Content-Type is read as JSON)"
                : " (a " + ClientText.echo(type.getType() + "/" + type.getSubtype()) + " body is read as JSON)";
    }

    private static boolean namesCharset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return name != null && !name.isBlank();
    }

    /** The charset the {@code Content-Type} names, UTF-8 when it names none (RFC 8259 §8.1). */
    private static Charset charset(MediaType type) {
        if (!namesCharset(type)) {
            return StandardCharsets.UTF_8;
        }
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("The charset of the Content-Type is not supported");
        }
    }

    /** Whether a request's media type is XML ({@code application/xml}, {@code text/xml}, {@code +xml}). */
    public static boolean isXml(MediaType type) {
        return type != null && (type.getSubtype().equalsIgnoreCase("xml")
                || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+xml"));
    }
}
