package io.connectcheckout.connectid.api;

/** The answer to Register order. */
public record OrderIdResponse(long orderId) {
}
