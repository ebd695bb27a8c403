package io.connectcheckout.payment.api;

/** An amount on the wire: {@code value} in minor units (øre, cents) and an ISO 4217 {@code currency}. */
public record AmountJson(Long value, String currency) {
}
