package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Check coupon price – client mode: {@code POST /capi/v1/client/coupon/price}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CouponPriceRequest(String couponCode, Integer couponNumber, Long customerNumber, String countryCode,
        String postalCode) {
}
