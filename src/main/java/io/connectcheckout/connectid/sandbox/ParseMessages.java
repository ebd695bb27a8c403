package io.connectcheckout.connectid.sandbox;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.connectcheckout.connectid.api.EpochMillis;
import io.connectcheckout.connectid.api.WireTime;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * What to tell a client whose Order API body Jackson could not read (JSON or XML, {@link JsonBodies}):
 * the field and what it takes in plain words, never a Java type
 * ("orderLines[0].quantity must be a whole number"). Names the client chose are repeated cut short
 * ({@link ClientText}).
 */
final class ParseMessages {

    private ParseMessages() {
    }

    /** What a body nested deeper than the parser reads is told (after "Malformed JSON: "). */
    static String nestedTooDeeply(int maxDepth) {
        return "nested too deeply (at most " + maxDepth + " levels)";
    }

    /**
     * The message after "Malformed JSON: " or "Malformed XML: ".
     *
     * @param parser the JSON parser that read the body, for the limits it holds to; null for XML
     */
    static String describe(JsonProcessingException e, JsonParser parser, boolean isXml) {
        if (parser != null && cause(e, StreamConstraintsException.class) != null) {
            StreamReadConstraints limits = parser.streamReadConstraints();
            // The parser enters a level and then checks its depth: past the limit, it is the depth that failed.
            if (parser.getParsingContext().getNestingDepth() >= limits.getMaxNestingDepth()) {
                return nestedTooDeeply(limits.getMaxNestingDepth());
            }
            return where(e, parser) + "a name or number is longer than this API reads (names at most "
                    + limits.getMaxNameLength() + " characters, numbers at most " + limits.getMaxNumberLength()
                    + " digits)";
        }
        InputCoercionException coercion = cause(e, InputCoercionException.class);
        if (coercion != null) {
            // A number beyond its field's type (1e400 or 99999999999999999999999 for orderId).
            String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() ? path(mapping)
                    : where(e, parser).replaceFirst(": $", "");
            return "number out of range for " + (field.isEmpty() ? "the body" : field) + range(coercion.getTargetType());
        }
        if (e instanceof InvalidFormatException fraction && !fraction.getPath().isEmpty()
                && fraction.getValue() instanceof Number number && !range(fraction.getTargetType()).isEmpty()
                && !(Math.abs(number.doubleValue()) < 0x1p63)) {
            // A number written with a fraction or exponent, for a whole-number field (ACCEPT_FLOAT_AS_INT
            // off), too large for it either way (1e400): its range is the news, not its form.
            return "number out of range for " + path(fraction) + range(fraction.getTargetType());
        }
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
        if (e instanceof JsonParseException && e.getLocation() != null) {
            return where(e, parser) + "unreadable at line " + e.getLocation().getLineNr() + ", column "
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
                return end < 0 ? null : ClientText.echo(message.substring("Duplicate field '".length(), end));
            }
        }
        return null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** " (a whole number from … to …)" for the whole-number types, else nothing. */
    private static String range(Class<?> type) {
        if (type == Integer.TYPE || type == Integer.class) {
            return " (a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")";
        }
        if (type == Long.TYPE || type == Long.class) {
            return " (a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")";
        }
        return "";
    }

    /**
     * The field the parser was in when the text broke off ("payer.lastName: "), or nothing at the
     * top: the exception's parser (XML), else the one that read the body (JSON).
     */
    private static String where(JsonProcessingException e, JsonParser bodyParser) {
        JsonParser parser = e.getProcessor() instanceof JsonParser own ? own : bodyParser;
        if (parser == null) {
            return "";
        }
        java.util.Deque<String> steps = new java.util.ArrayDeque<>();
        for (JsonStreamContext at = parser.getParsingContext(); at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                steps.push("[" + Math.max(0, at.getCurrentIndex()) + "]");
            } else if (at.getCurrentName() != null) {
                steps.push("." + ClientText.echo(at.getCurrentName()));
            }
        }
        String path = String.join("", steps);
        return path.isEmpty() ? "" : ClientText.path(path.startsWith(".") ? path.substring(1) : path) + ": ";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ClientText.echo(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the body" : ClientText.path(path.toString());
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
