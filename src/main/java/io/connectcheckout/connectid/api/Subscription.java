package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer's subscription ({@code GET /capi/v1/subscription}, {@code GET
 * /capi/v1/client/subscription/{customerNumber}}). The fields follow "Start subscription"
 * ({@code companyCode, product, startTime, endTime, copies, couponCode, couponNumber}, notes §2.15)
 * plus our {@code subscriptionId}, {@code customerNumber}, {@code description}, {@code orderId} and
 * {@code active}. Times: epoch milliseconds in whole seconds; {@code endTime} is the last second paid for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subscription(Long subscriptionId, Long customerNumber, String companyCode, String product,
        String description, String couponCode, Integer couponNumber, Integer copies, Long startTime, Long endTime,
        Boolean active, Long orderId) {
}
