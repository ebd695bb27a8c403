package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** A product in the catalogue; prices include VAT. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Product(String companyCode, String product, String description, String productType, @WireTime Long startTime,
        @WireTime Long endTime, String currency, BigDecimal webOfferPrice, BigDecimal retailPrice, BigDecimal vatPercent,
        Boolean digital) {
}
