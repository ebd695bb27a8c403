package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** {@code GET /capi/v1/client/coupon/{productCode}}. */
public record CouponList(List<Coupon> coupons) {
}
