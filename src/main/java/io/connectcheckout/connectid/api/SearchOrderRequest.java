package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Search order details: exactly one of {@code orderId} and {@code externalOrderId}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchOrderRequest(Long orderId, String externalOrderId) {
}
