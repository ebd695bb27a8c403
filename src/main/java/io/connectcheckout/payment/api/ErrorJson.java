package io.connectcheckout.payment.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The documented error body of the payment API: a stable {@code code} (see {@link ErrorCodes}),
 * a message for people, and the offending {@code field} when one is to blame.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorJson(String code, String message, String field) {

    public ErrorJson(String code, String message) {
        this(code, message, null);
    }
}
