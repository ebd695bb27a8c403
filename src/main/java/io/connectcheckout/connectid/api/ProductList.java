package io.connectcheckout.connectid.api;

import java.util.List;

/** {@code GET /capi/v1/client/product}. */
public record ProductList(List<Product> products) {
}
