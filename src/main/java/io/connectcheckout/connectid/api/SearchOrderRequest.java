package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** Search order details: exactly one of {@code orderId} and {@code externalOrderId}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchOrderRequest(Long orderId, String externalOrderId) {
}
