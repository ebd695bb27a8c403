package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * One line of an order. Required per {@code productSpecType}: coupon → {@code productSpecCode} +
 * {@code productSpecNo}; product → {@code product}; issue → all three; article → {@code articleDetail}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderLine(String productSpecType, String productSpecCode, Integer productSpecNo, String product,
        Integer quantity, BigDecimal unitPrice, String promotionCode, String categoryCode, String voucherCode,
        String allowAccessProduct, String allowAccessCategoryType, Long allowAccessSeconds, StartInfo startInfo,
        Integer rewardPartnerId, String rewardId, ArticleDetail articleDetail, Address receiver,
        Address recruiter) {

    /** When the subscription or delivery starts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StartInfo(@WireTime Long startDate, String startIssue) {
    }

    /** What an {@code article} line buys. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArticleDetail(String companyCode, String product, String articleRef, String articleDesc,
            String articleCategory) {
    }

    /** A subscription line: coupon code and number, one copy. */
    public static OrderLine coupon(String couponCode, int couponNumber) {
        return new OrderLine("coupon", couponCode, couponNumber, null, 1, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** A single-product line. */
    public static OrderLine product(String product) {
        return new OrderLine("product", null, null, product, 1, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
