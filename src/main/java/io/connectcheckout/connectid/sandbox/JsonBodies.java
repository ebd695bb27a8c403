package io.connectcheckout.connectid.sandbox;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.connectcheckout.connectid.api.WireTime;
import io.connectcheckout.connectid.api.EpochMillis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

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
        this.mapper = mapper;
        this.xml = xml;
        this.headers = headers;
    }

    /**
     * Reads a request body into a wire record.
     *
     * @param body the raw bytes: text in the {@code Content-Type}'s charset (UTF-8 when none is named)
     * @throws ApiException 400 {@code ValidationException} naming the field: a missing or unreadable
     *     body, a value of the wrong kind, bytes that are not text, or a string with a control
     *     character, a lone surrogate or a noncharacter ({@link BodyText})
     */
    public <T> T parse(byte[] body, Class<T> type) {
        MediaType mediaType = headers.getMediaType();
        BodyText.Decoded decoded = BodyText.decode(body == null ? new byte[0] : body, charset(mediaType));
        T value;
        try {
            value = parse(decoded.text(), type, isXml(mediaType));
        } catch (ApiException unreadable) {
            if (decoded.malformed()) {
                throw ApiException.validation("the body must be " + charset(mediaType).name() + " text");
            }
            throw unreadable;
        }
        if (decoded.malformed()) {
            String field = BodyText.find(value, s -> s.indexOf(BodyText.REPLACEMENT) >= 0).orElse("the body");
            throw ApiException.validation(field + " must be " + charset(mediaType).name() + " text");
        }
        BodyText.find(value, BodyText::unreadable).ifPresent(field -> {
            throw ApiException.validation(field + " must not contain control characters, lone surrogates or noncharacters");
        });
        return value;
    }

    private <T> T parse(String body, Class<T> type, boolean isXml) {
        if (body.isBlank()) {
            throw ApiException.validation("Request body is missing");
        }
        try {
            // A name sent twice is refused, not read as its last value (RFC 8259 §4 leaves it undefined).
            T value = isXml ? xml.read(body, type)
                    : mapper.readerFor(type).with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readValue(body);
            if (value == null) {
                throw ApiException.validation("Request body is missing");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ApiException.validation((isXml ? "Malformed XML" : "Malformed JSON") + ": " + describe(e, isXml));
        } catch (java.io.IOException e) {
            throw ApiException.validation((isXml ? "Malformed XML" : "Malformed JSON") + ": the body could not be read");
        }
    }

    /** The charset the {@code Content-Type} names, UTF-8 when it names none (RFC 8259 §8.1). */
    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
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

    private static String describe(JsonProcessingException e, boolean isXml) {
        String twice = duplicateName(e);
        if (twice != null) {
            String at = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() ? path(mapping) + "." : "";
            return at + twice + " is sent twice";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return field + " must be " + expected(mismatch.getTargetType());
            }
            return field + " has a value of the wrong kind";
        }
        if (e instanceof InputCoercionException coercion && !where(e).isEmpty()) {
            // A number beyond its field's type (an int field sent 1e10): the parser knows where it was.
            String field = where(e);
            return field.substring(0, field.length() - 2) + " must be "
                    + (coercion.getTargetType() == null ? "a number" : expected(coercion.getTargetType()))
                    + " in range";
        }
        if (e instanceof JsonParseException && e.getLocation() != null) {
            return where(e) + "unreadable at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
        }
        return isXml ? "the body must be an XML document" : "the body must be a JSON object";
    }

    /** The name Jackson's duplicate detection found twice (its message names it in quotes), or null. */
    private static String duplicateName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof JsonParseException && message != null && message.startsWith("Duplicate field '")) {
                int end = message.indexOf('\'', "Duplicate field '".length());
                return end < 0 ? null : message.substring("Duplicate field '".length(), end);
            }
        }
        return null;
    }

    /** The field the parser was in when the text broke off ("payer.lastName: "), or nothing at the top. */
    private static String where(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "";
        }
        java.util.Deque<String> steps = new java.util.ArrayDeque<>();
        for (JsonStreamContext at = parser.getParsingContext(); at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                steps.push("[" + Math.max(0, at.getCurrentIndex()) + "]");
            } else if (at.getCurrentName() != null) {
                steps.push("." + at.getCurrentName());
            }
        }
        String path = String.join("", steps);
        return path.isEmpty() ? "" : (path.startsWith(".") ? path.substring(1) : path) + ": ";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the body" : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == WireTime.class) {
            return EpochMillis.EXPECTED;
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class
                || type == BigInteger.class || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "an object";
        }
        return "a value of another kind";
    }
}
