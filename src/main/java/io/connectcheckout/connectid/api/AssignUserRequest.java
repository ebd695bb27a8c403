package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Assign user – client mode: {@code POST /capi/v1/client/order/{orderId}/user}. {@code linkLifetime}
 * is in hours (our choice, default 24); {@code overrideClientId} is required when a message is sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignUserRequest(String credential, @JsonProperty("isSendMessage") Boolean isSendMessage,
        String returnUrl, String errorUrl, Integer linkLifetime, String overrideClientId) {
}
