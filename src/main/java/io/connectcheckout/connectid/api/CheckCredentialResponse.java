package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a ConnectID user has this e-mail address or mobile number. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckCredentialResponse(String credential, Boolean exists, String uniqueUserId,
        @JsonProperty("isPasswordSet") Boolean isPasswordSet) {
}
