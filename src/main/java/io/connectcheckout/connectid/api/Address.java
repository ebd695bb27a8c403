package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A payer, receiver or recruiter. Required on a payer: {@code lastName} or {@code companyName},
 * {@code postalCode}, and {@code emails} or {@code phoneNumbers}. {@code streetNumber} is a string
 * since clients send "12B".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(Long customerNumber, String companyRegistrationNumber, String companyName,
        String department, String departmentName, String personsSocialSecurityNumber, String firstName,
        String middleName, String lastName, String coAddress, String careOfAddress, String street,
        String streetNumber, String entrance, String floorType, Integer floor, String suite, String postalCode,
        String postalPlace, String postalAddress, String postalAddressPostalCode, String postalAddressPostalPlace,
        String countryCode, @WireTime Long birthDate, String sex, List<String> emails, List<String> phoneNumbers,
        String invoiceEmailAddress, List<Category> categories, List<Permission> permissions,
        List<Privacy> privacy) {

    /** A customer category. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Category(String addressCategory, String freeValue) {
    }

    /** A marketing permission. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Permission(String enterpriseCode, String orderTypeCode, List<String> channels, String channelCode,
            String permissionType) {
    }

    /** A privacy purpose. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Privacy(String enterpriseCode, String orderTypeCode, String purpose) {
    }

    /** This address as the given existing customer's ({@code customerNumber}, null: none). */
    public Address withCustomerNumber(Long number) {
        return new Address(number, companyRegistrationNumber, companyName, department, departmentName,
                personsSocialSecurityNumber, firstName, middleName, lastName, coAddress, careOfAddress, street,
                streetNumber, entrance, floorType, floor, suite, postalCode, postalPlace, postalAddress,
                postalAddressPostalCode, postalAddressPostalPlace, countryCode, birthDate, sex, emails, phoneNumbers,
                invoiceEmailAddress, categories, permissions, privacy);
    }

    /** A minimal person address (the rest null), handy for clients and tests. */
    public static Address person(String firstName, String lastName, String street, String postalCode,
            String postalPlace, List<String> emails, List<String> phoneNumbers) {
        return new Address(null, null, null, null, null, null, firstName, null, lastName, null, null, street, null,
                null, null, null, null, postalCode, postalPlace, null, null, null, "NO", null, null, emails,
                phoneNumbers, null, null, null, null);
    }
}
