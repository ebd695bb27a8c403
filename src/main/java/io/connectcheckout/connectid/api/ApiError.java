package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The Order API's error body (HTTP 400): a Java-ish exception name and a text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String exceptionType, String errorMessage) {
}
