package io.connectcheckout.connectid.api;

import java.util.List;

/** {@code {"products":[…]}}, as the published PHP client reads {@code /v1/customer/product}. */
public record CustomerProductList(List<CustomerProduct> products) {
}
