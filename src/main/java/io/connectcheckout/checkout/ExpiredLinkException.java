package io.connectcheckout.checkout;

import io.connectcheckout.publisher.Brand;

/**
 * A signed return or receipt link that is ours but past its expiry ({@code checkout.signed-links.*}):
 * answered by {@link ExpiredLinks} with a page that shows no order.
 */
public class ExpiredLinkException extends RuntimeException {

    private final transient Brand brand;

    ExpiredLinkException(Brand brand) {
        super(null, null, false, false);
        this.brand = brand;
    }

    /** The publisher whose checkout the link was for: its name and customer service on the page. */
    Brand brand() {
        return brand;
    }
}
