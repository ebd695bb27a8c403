package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code GET /capi/v1/customer/info} (user token): the customer behind the logged-in user. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerInfo(Long customerNumber, Name name, List<PhoneNumber> phoneNumbers, List<String> emails,
        String invoiceEmailAddress, Address address, AttachedUsers attachedUsers) {

    /** The customer's name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Name(String firstName, String middleName, String lastName, String companyName,
            String departmentName) {
    }

    /** A phone number and its type (e.g. {@code mobile}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhoneNumber(String phoneNumber, String phoneNumberType) {
    }

    /** The postal address (our addition, for prefilling a form). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String street, String streetNumber, String postalCode, String postalPlace,
            String countryCode) {
    }

    /** The ConnectID user attached to the customer and its credentials. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttachedUsers(String uniqueId, List<Credential> credentials) {
    }

    /** {@code credentialType} is {@code A_EMAIL_ADDRESS} or {@code B_SMS_PHONE}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Credential(String credential, String credentialType, String verificationLevel) {
    }
}
