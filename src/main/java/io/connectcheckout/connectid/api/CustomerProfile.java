package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code GET /capi/v1/customer/profile} (user token): the OAuth resource owner. The fields are our
 * choice (the public docs name the endpoint only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerProfile(String uniqueUserId, Long customerNumber, String firstName, String lastName,
        String email, String phoneNumber, List<String> emails, List<String> phoneNumbers) {
}
