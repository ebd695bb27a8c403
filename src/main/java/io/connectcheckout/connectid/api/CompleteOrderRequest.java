package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Complete order – client mode: {@code POST /capi/v1/client/order/fulfillment}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompleteOrderRequest(Long orderId, String callbackUrl) {
}
