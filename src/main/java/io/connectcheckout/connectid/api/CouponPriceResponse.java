package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A coupon's price. {@code price} includes VAT when {@code vatInclude} is true (always, in the
 * sandbox); {@code distAmount} is the delivery cost, given when a postal code was sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CouponPriceResponse(String companyCode, String product, BigDecimal price, BigDecimal vatAmount,
        BigDecimal vatpercent, Boolean vatInclude, String currency, BigDecimal distAmount, BigDecimal distAmountvat,
        Long customerNumber) {
}
