package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Times on the ConnectID wire: epoch milliseconds, read leniently and written in whole seconds.
 * Used through {@link WireTime}.
 *
 * <p>A date or a date-time without offset is read in {@code Europe/Oslo}, ConnectID's home zone
 * (our choice: the public material names no zone): {@code 2026-11-29} is that day's start in Oslo.
 */
public final class EpochMillis {

    /** The zone of a date or date-time sent without an offset. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");
    /** What a time field accepts, in the words of the error message. */
    public static final String EXPECTED =
            "epoch milliseconds, an ISO date (2026-11-29) or an ISO date-time, from 1900 to 9999";

    /**
     * The earliest time read: the start of 1900-01-01 in {@link #ZONE}. Our choice, a sane range for
     * every date of the contract (orders, starts, birth dates); before it, and after {@link #LARGEST},
     * a value is a mistake or a probe (the outside attack on issue 13 sent {@code Long.MIN_VALUE} and
     * year 1).
     */
    public static final long SMALLEST = LocalDate.of(1900, 1, 1).atStartOfDay(ZONE).toInstant().toEpochMilli();
    /** The latest time read: 9999-12-31T23:59:59.999Z, the last that ISO-8601's four-digit years can write. */
    public static final long LARGEST = 253_402_300_799_999L;

    private EpochMillis() {
    }

    /** Epoch milliseconds truncated to whole seconds (towards the past, also before 1970). */
    public static long wholeSeconds(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, 1000L);
    }

    /**
     * Parses a digit string (epoch ms), an ISO date, an ISO local date-time (Oslo) or an ISO
     * date-time with offset or {@code Z}; null when it is none of these.
     */
    public static Long parse(String text) {
        String s = text.trim();
        try {
            if (s.matches("-?[0-9]{1,15}")) {
                return Long.parseLong(s);
            }
            if (s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return LocalDate.parse(s).atStartOfDay(ZONE).toInstant().toEpochMilli();
            }
            if (s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+")) {
                return LocalDateTime.parse(s).atZone(ZONE).toInstant().toEpochMilli();
            }
            if (s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)")) {
                return OffsetDateTime.parse(s.replace('z', 'Z')).toInstant().toEpochMilli();
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /**
     * Reads a time field: a whole number, or a string {@link #parse} understands, from {@link #SMALLEST}
     * to {@link #LARGEST}; anything else is refused with {@link #EXPECTED}.
     */
    public static final class Reader extends StdScalarDeserializer<Long> {

        public Reader() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            Long value = null;
            if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                value = p.getLongValue();
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT && p.getDoubleValue() % 1 == 0
                    && p.getDoubleValue() >= SMALLEST && p.getDoubleValue() <= LARGEST) {
                value = (long) p.getDoubleValue();
            } else if (token == JsonToken.VALUE_STRING) {
                String text = p.getText();
                if (text.isBlank()) {
                    return null;
                }
                value = parse(text);
            }
            if (value == null || value < SMALLEST || value > LARGEST) {
                throw InvalidFormatException.from(p, "must be " + EXPECTED, p.getText(), WireTime.class);
            }
            return value;
        }

        @Override
        public Long getNullValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** Writes a time field as epoch milliseconds in whole seconds. */
    public static final class Writer extends StdScalarSerializer<Long> {

        public Writer() {
            super(Long.class);
        }

        @Override
        public void serialize(Long value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(wholeSeconds(value));
        }
    }
}
