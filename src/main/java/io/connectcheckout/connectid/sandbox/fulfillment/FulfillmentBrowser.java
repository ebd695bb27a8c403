package io.connectcheckout.connectid.sandbox.fulfillment;

import io.connectcheckout.connectid.sandbox.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The browser a fulfillment belongs to: the SHA-256 of the random value in the browser's
 * fulfillment cookie, stored when the fulfillment URL of the order is first opened. Later visits,
 * the return from the payment provider included, only work with the same cookie (issue 13 item 11:
 * the id alone must open nothing; ids are random, {@code OrderIds}, so no one can find an unopened order).
 */
@Entity
@Table(name = "cid_fulfillment_browser")
public class FulfillmentBrowser extends PanacheEntityBase {

    @Id
    public Long orderId;

    public String browserHash;

    public Instant createdAt;

    static FulfillmentBrowser bind(Long orderId, String browserToken, Instant now) {
        FulfillmentBrowser binding = new FulfillmentBrowser();
        binding.orderId = orderId;
        binding.browserHash = Secrets.sha256Hex(browserToken);
        binding.createdAt = now;
        binding.persist();
        return binding;
    }

    boolean heldBy(String browserToken) {
        return browserToken != null && Secrets.equalsConstantTime(browserHash, Secrets.sha256Hex(browserToken));
    }
}
