package io.connectcheckout.connectid.sandbox.users;

import io.connectcheckout.connectid.api.CustomerInfo;
import io.connectcheckout.connectid.api.CustomerProfile;
import io.connectcheckout.connectid.sandbox.oauth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** The logged-in user's profile and customer data (user mode), for prefilling forms. */
@ApplicationScoped
public class CustomerService {

    @Transactional
    public CustomerProfile profile(Caller caller) {
        CidUser user = CidUser.findById(caller.userPk());
        Customer c = user.customer;
        return new CustomerProfile(user.uniqueUserId, c == null ? null : c.customerNumber,
                c == null ? null : c.firstName, c == null ? null : c.lastName, user.email, user.mobile,
                user.email == null ? List.of() : List.of(user.email),
                user.mobile == null ? List.of() : List.of(user.mobile));
    }

    @Transactional
    public CustomerInfo info(Caller caller) {
        CidUser user = CidUser.findById(caller.userPk());
        Customer c = user.customer;
        List<CustomerInfo.Credential> credentials = new ArrayList<>();
        if (user.email != null) {
            credentials.add(new CustomerInfo.Credential(user.email, "A_EMAIL_ADDRESS", "verified"));
        }
        if (user.mobile != null) {
            credentials.add(new CustomerInfo.Credential(user.mobile, "B_SMS_PHONE", "verified"));
        }
        CustomerInfo.AttachedUsers attached = new CustomerInfo.AttachedUsers(user.uniqueUserId, credentials);
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
}
