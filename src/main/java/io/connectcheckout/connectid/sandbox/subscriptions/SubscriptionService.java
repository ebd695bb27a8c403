package io.connectcheckout.connectid.sandbox.subscriptions;

import io.connectcheckout.connectid.api.CustomerProduct;
import io.connectcheckout.connectid.api.CustomerProductList;
import io.connectcheckout.connectid.api.Subscription;
import io.connectcheckout.connectid.api.SubscriptionList;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import io.connectcheckout.connectid.sandbox.oauth.Caller;
import io.connectcheckout.connectid.sandbox.users.CidUser;
import io.connectcheckout.connectid.sandbox.users.Customer;
import io.connectcheckout.connectid.sandbox.users.CustomerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscriptions and product access of a customer, as completed orders created them
 * ({@link SubscriptionGrants}). Paths: connectid-api-notes.md §2.15; shapes: the published PHP
 * client ({@code {"subscriptions":[…]}}, {@code {"products":[…]}}), fields our choice where it is silent.
 */
@ApplicationScoped
public class SubscriptionService {

    private final Clock clock;

    public SubscriptionService(@SandboxTime Clock clock) {
        this.clock = clock;
    }

    /** {@code GET /v1/subscription}: the logged-in user's customer's subscriptions (none without a customer). */
    @Transactional
    public SubscriptionList ofUser(Caller caller) {
        Customer c = customerOf(caller);
        return c == null ? new SubscriptionList(List.of()) : subscriptions(c);
    }

    /** {@code GET /v1/client/subscription/{customerNumber}}: a customer the client registered an order for. */
    @Transactional
    public SubscriptionList ofCustomer(Caller caller, String customerNumber) {
        return subscriptions(CustomerService.knownTo(caller, customerNumber));
    }

    /**
     * {@code GET /v1/customer/product}: one entry per product the customer has or had: {@code A} for a
     * bought product, else {@code B} with the period of the subscription that ends last.
     */
    @Transactional
    public CustomerProductList products(Caller caller) {
        Customer c = customerOf(caller);
        if (c == null) {
            return new CustomerProductList(List.of());
        }
        Map<String, CustomerProduct> byProduct = new LinkedHashMap<>();
        for (CustomerSubscription s : CustomerSubscription.ofCustomer(c.id)) {
            for (String product : s.products()) {
                CustomerProduct next = s.endTime == null
                        ? new CustomerProduct(s.companyCode, product, CustomerProduct.UNLIMITED, null, null)
                        : new CustomerProduct(s.companyCode, product, CustomerProduct.PERIOD,
                                s.startTime.toEpochMilli(), s.endTime.toEpochMilli());
                byProduct.merge(product, next, SubscriptionService::better);
            }
        }
        return new CustomerProductList(List.copyOf(byProduct.values()));
    }

    /** What the customer's grants say about one product now: {@code A}, {@code B} or {@code D}. */
    static String accessTypeNow(Long customerPk, String product, Instant now) {
        String type = CustomerProduct.NONE;
        for (CustomerSubscription s : CustomerSubscription.ofCustomer(customerPk)) {
            if (s.products().contains(product) && s.activeAt(now)) {
                if (s.endTime == null) {
                    return CustomerProduct.UNLIMITED;
                }
                type = CustomerProduct.PERIOD;
            }
        }
        return type;
    }

    static Customer customerOf(Caller caller) {
        return CidUser.<CidUser>findById(caller.userPk()).customer;
    }

    private SubscriptionList subscriptions(Customer c) {
        Instant now = clock.instant();
        return new SubscriptionList(CustomerSubscription.ofCustomer(c.id).stream()
                .filter(CustomerSubscription::isSubscription)
                .map(s -> new Subscription(s.id, c.customerNumber, s.companyCode, s.product, s.description,
                        s.couponCode, s.couponNumber, s.copies, s.startTime.toEpochMilli(), s.endTime.toEpochMilli(),
                        s.activeAt(now), s.order.id))
                .toList());
    }

    private static CustomerProduct better(CustomerProduct a, CustomerProduct b) {
        if (CustomerProduct.UNLIMITED.equals(a.accessType())) {
            return a;
        }
        if (CustomerProduct.UNLIMITED.equals(b.accessType())) {
            return b;
        }
        return b.endTime() > a.endTime() ? b : a;
    }
}
