package io.connectcheckout.connectid.sandbox;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.connectcheckout.connectid.api.WireTime;
import io.connectcheckout.connectid.api.EpochMillis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Parses request bodies here rather than in the JAX-RS layer, so malformed bodies and wrong types
 * get the contract's 400 {@code ValidationException} body instead of the framework's default. A body
 * sent as {@code application/xml} or {@code text/xml} is read as XML ({@link ApiXml}), anything else
 * as JSON (the default). The message names the field and what it takes in plain words, never a Java
 * type ("Malformed JSON: orderLines[0].quantity must be a number").
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

    public <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ApiException.validation("Request body is missing");
        }
        boolean isXml = isXml(headers.getMediaType());
        try {
            T value = isXml ? xml.read(body, type) : mapper.readValue(body, type);
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

    /** Whether a request's media type is XML ({@code application/xml}, {@code text/xml}, {@code +xml}). */
    public static boolean isXml(MediaType type) {
        return type != null && (type.getSubtype().equalsIgnoreCase("xml")
                || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+xml"));
    }

    private static String describe(JsonProcessingException e, boolean isXml) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return field + " must be " + expected(mismatch.getTargetType());
            }
            return field + " has a value of the wrong kind";
        }
        if (e instanceof JsonParseException && e.getLocation() != null) {
            return "unreadable at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        return isXml ? "the body must be an XML document" : "the body must be a JSON object";
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
