package io.connectcheckout.connectid.api;

import java.util.List;

/** The answer of the order status endpoints: {@code {"orders":[...]}}. */
public record OrderStatusList(List<OrderStatus> orders) {
}
