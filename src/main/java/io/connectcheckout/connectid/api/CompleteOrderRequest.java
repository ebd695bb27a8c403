package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** Complete order – client mode: {@code POST /capi/v1/client/order/fulfillment}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompleteOrderRequest(Long orderId, String callbackUrl) {
}
