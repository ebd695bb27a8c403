package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A product the customer has access to ({@code GET /capi/v1/customer/product}), as the published
 * PHP client's {@code CustomerProduct} reads it: {@code partnerId} (company code), {@code productId},
 * {@code accessType} {@code A} (unlimited), {@code B} (between {@code startTime} and {@code endTime})
 * or {@code D} (none). Times (epoch ms, only for {@code B}): 00:00:00 on the start date and
 * 23:59:59 on the last date paid for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerProduct(String partnerId, String productId, String accessType, Long startTime,
        Long endTime) {

    public static final String UNLIMITED = "A";
    public static final String PERIOD = "B";
    public static final String NONE = "D";
}
