package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An OAuth 2.0 error body (RFC 6749 §5.2, RFC 6750 §3.1), e.g. {@code invalid_grant}, {@code invalid_token}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuthError(String error, @JsonProperty("error_description") String errorDescription) {
}
