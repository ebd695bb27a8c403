package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code GET /capi/v1/customer/profile} (user token): the OAuth resource owner, in the shape the
 * published ConnectID clients read (connectid-api.md, "Evidence from published client code"; the
 * oauth2-connectid PHP provider's {@code ConnectIdProfile}): {@code userId} (mandatory there, a
 * number), {@code uniqueId} (32 hex, the id other calls take), {@code customerNumber},
 * {@code name} and {@code phoneNumbers} as in customer info, {@code emails}, and the login
 * {@code credential} with {@code credentialType} {@code A} (e-mail) or {@code B} (mobile).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerProfile(Long userId, String uniqueId, Long customerNumber, CustomerInfo.Name name,
        Credential credential, List<CustomerInfo.PhoneNumber> phoneNumbers, List<String> emails) {

    /** E-mail credentials. */
    public static final String EMAIL = "A";
    /** Mobile (SMS) credentials. */
    public static final String MOBILE = "B";

    /** The credential the user logs in with; {@code credentialType} is {@code A} or {@code B}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Credential(String credential, String credentialType) {
    }
}
