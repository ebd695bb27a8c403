package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** The answer of the order status endpoints: {@code {"orders":[...]}}. */
public record OrderStatusList(List<OrderStatus> orders) {
}
