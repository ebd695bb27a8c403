package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code Long} wire field that holds a point in time as epoch milliseconds (connectid-api.md
 * "Hosts and modes": times are epoch milliseconds). Read by {@link EpochMillis.Reader}: epoch
 * milliseconds (number or digit string), an ISO date ({@code 2026-11-29}) or an ISO date-time, with or
 * without offset (connectid-api.md "Evidence from published client code": PHP clients send
 * {@code orderDate} as a date only, {@code startInfo.startDate} and {@code payer.birthDate} as ISO
 * strings). Written by {@link EpochMillis.Writer} in whole seconds (ends in {@code 000}: the same
 * evidence, PHP clients convert whole seconds only). Both sides of the wire, the stand-in and the
 * checkout's client, read and write these fields through this one annotation.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = EpochMillis.Writer.class)
@JsonDeserialize(using = EpochMillis.Reader.class)
public @interface WireTime {
}
