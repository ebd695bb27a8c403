package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The user the order now belongs to; {@code uniqueUserId} is 32 hex characters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignUserResponse(Long orderId, String uniqueUserId, @JsonProperty("isNewUser") Boolean isNewUser,
        @JsonProperty("isPasswordSet") Boolean isPasswordSet) {
}
