package io.connectcheckout.connectid.sandbox.subscriptions;

import io.connectcheckout.connectid.sandbox.orders.SandboxOrder;
import io.connectcheckout.connectid.sandbox.users.Customer;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one line of a completed order gives its customer: a subscription (a coupon line, access
 * from {@link #startTime} to {@link #endTime}) or a bought product or issue (no end).
 */
@Entity
@Table(name = "cid_subscription")
public class CustomerSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    public SandboxOrder order;

    public Integer lineNo;

    public String companyCode;

    public String product;

    public String description;

    /** Null for a bought product or issue. */
    public String couponCode;

    public Integer couponNumber;

    public Integer copies;

    /** 00:00:00 (Europe/Oslo) on the start date. */
    public Instant startTime;

    /** 23:59:59 (Europe/Oslo) on the last date paid for; null: access without end. */
    public Instant endTime;

    /** Comma separated product codes that come with the subscription. */
    public String extraProducts;

    public static List<CustomerSubscription> ofCustomer(Long customerPk) {
        return list("customer.id = ?1 order by startTime, id", customerPk);
    }

    public boolean isSubscription() {
        return couponCode != null;
    }

    public boolean activeAt(Instant now) {
        return !now.isBefore(startTime) && (endTime == null || !now.isAfter(endTime));
    }

    /** The product itself and the products that come with it. */
    public List<String> products() {
        if (extraProducts == null || extraProducts.isBlank()) {
            return List.of(product);
        }
        return Stream.concat(Stream.of(product),
                Arrays.stream(extraProducts.split(",")).map(String::trim).filter(s -> !s.isEmpty())).distinct().toList();
    }
}
