package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** The Order API's error body (HTTP 400): a Java-ish exception name and a text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String exceptionType, String errorMessage) {
}
