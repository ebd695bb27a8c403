package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A sellable offer for a subscription product. {@code couponPrice} and {@code periodLength} are
 * strings, as in the published example.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Coupon(String couponCode, Integer couponNumber, @WireTime Long startTime, @WireTime Long endTime, String description,
        String couponPrice, String periodLength, String periodType, List<ExtraProduct> extraProducts,
        Renewal renewal, Marketing marketing) {

    /** A product that comes with the coupon. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExtraProduct(String productId, String description) {
    }

    /** The price and period after the first period. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Renewal(String renewalPrice, String periodLength, String periodType) {
    }

    /** Marketing attributes (only with {@code ?marketing=true}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Marketing(String project, String market, String activity, String salesMethod) {
    }
}
