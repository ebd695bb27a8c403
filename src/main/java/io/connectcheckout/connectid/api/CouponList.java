package io.connectcheckout.connectid.api;

import java.util.List;

/** {@code GET /capi/v1/client/coupon/{productCode}}. */
public record CouponList(List<Coupon> coupons) {
}
