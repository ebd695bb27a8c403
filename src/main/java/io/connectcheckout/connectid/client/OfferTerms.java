package io.connectcheckout.connectid.client;

import io.connectcheckout.common.Money;
import java.math.BigDecimal;

/**
 * What a shopper agrees to: the VAT-inclusive price for the first period, the VAT in it, and
 * what the subscription renews at (null renewal fields for one-off products).
 */
public record OfferTerms(String description, Money price, Money vat, BigDecimal vatPercent, int periodLength,
        String periodType, Money renewalPrice, Integer renewalPeriodLength, String renewalPeriodType) {
}
