package io.connectcheckout.connectid.sandbox.users;

import io.connectcheckout.connectid.api.CustomerInfo;
import io.connectcheckout.connectid.api.CustomerProfile;
import io.connectcheckout.connectid.sandbox.ApiException;
import io.connectcheckout.connectid.sandbox.oauth.Caller;
import io.connectcheckout.connectid.sandbox.orders.SandboxOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The logged-in user's profile and customer data (user mode), and a customer's data for a client
 * (client mode). Shapes: connectid-api-notes.md §2.15 and connectid-api.md "Evidence".
 */
@ApplicationScoped
public class CustomerService {

    public static final String CUSTOMER_NOT_FOUND = "CustomerNotFoundException";

    /** The profile: {@link CustomerProfile}; phone numbers are the user's mobile and the customer's phone. */
    @Transactional
    public CustomerProfile profile(Caller caller) {
        CidUser user = CidUser.findById(caller.userPk());
        Customer c = user.customer;
        CustomerProfile.Credential credential = user.email != null
                ? new CustomerProfile.Credential(user.email, CustomerProfile.EMAIL)
                : new CustomerProfile.Credential(user.mobile, CustomerProfile.MOBILE);
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        add(emails, user.email);
        add(phones, user.mobile);
        if (c != null) {
            add(emails, c.email);
            add(phones, c.phone);
        }
        return new CustomerProfile(user.id, user.uniqueUserId, c == null ? null : c.customerNumber,
                c == null ? null : new CustomerInfo.Name(c.firstName, null, c.lastName, c.companyName, null),
                credential, phones.stream().map(p -> new CustomerInfo.PhoneNumber(p, "mobile")).toList(),
                List.copyOf(emails));
    }

    @Transactional
    public CustomerInfo info(Caller caller) {
        CidUser user = CidUser.findById(caller.userPk());
        return info(user.customer, user);
    }

    /**
     * List customer info – client mode. Our choice: a client sees only customers it registered an
     * order for; any other number, like an unknown one, is a 400 {@code CustomerNotFoundException}.
     */
    @Transactional
    public CustomerInfo info(Caller caller, String customerNumber) {
        Customer c = knownTo(caller, customerNumber);
        CidUser user = CidUser.<CidUser>find("customer.id = ?1 order by id", c.id).firstResultOptional().orElse(null);
        return info(c, user);
    }

    /**
     * The customer with that number if the calling client registered an order for it.
     *
     * @throws ApiException 400 {@code ValidationException} for a number that is not a positive
     *         integer, {@code CustomerNotFoundException} for an unknown or foreign customer
     */
    public static Customer knownTo(Caller caller, String customerNumber) {
        long number;
        try {
            number = Long.parseLong(customerNumber);
        } catch (NumberFormatException | NullPointerException e) {
            throw ApiException.validation("customerNumber must be a positive integer");
        }
        if (number <= 0) {
            throw ApiException.validation("customerNumber must be a positive integer");
        }
        Customer c = Customer.<Customer>find("customerNumber", number).firstResultOptional().orElse(null);
        if (c == null || SandboxOrder.count("customer.id = ?1 and client.id = ?2", c.id, caller.clientPk()) == 0) {
            throw ApiException.badRequest(CUSTOMER_NOT_FOUND, "Customer " + number + " not found");
        }
        return c;
    }

    private static CustomerInfo info(Customer c, CidUser user) {
        CustomerInfo.AttachedUsers attached = null;
        if (user != null) {
            List<CustomerInfo.Credential> credentials = new ArrayList<>();
            if (user.email != null) {
                credentials.add(new CustomerInfo.Credential(user.email, "A_EMAIL_ADDRESS", "verified"));
            }
            if (user.mobile != null) {
                credentials.add(new CustomerInfo.Credential(user.mobile, "B_SMS_PHONE", "verified"));
            }
            attached = new CustomerInfo.AttachedUsers(user.uniqueUserId, credentials);
        }
        if (c == null) {
            return new CustomerInfo(null, null, List.of(), List.of(), null, null, attached);
        }
        List<CustomerInfo.PhoneNumber> phones = c.phone == null ? List.of()
                : List.of(new CustomerInfo.PhoneNumber(c.phone, "mobile"));
        return new CustomerInfo(c.customerNumber,
                new CustomerInfo.Name(c.firstName, null, c.lastName, c.companyName, null), phones,
                c.email == null ? List.of() : List.of(c.email), c.email,
                new CustomerInfo.Address(c.street, c.streetNumber, c.postalCode, c.postalPlace, c.countryCode),
                attached);
    }

    private static void add(Set<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }
}
