package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code fulfillmentStatus} is {@code OK} or {@code ERROR} (then with {@code errorMessage}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompleteOrderResponse(String fulfillmentStatus, Long orderId, String errorMessage) {
}
