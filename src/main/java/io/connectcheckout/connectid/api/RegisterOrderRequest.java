package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * Register order (both modes): {@code POST /capi/v1/order} and {@code POST /capi/v1/client/order}.
 * {@code orderDate} is a {@link WireTime}. When {@code prepaid}, exactly one of the payment-info objects:
 * {@code paymentInfo} (the provider-neutral form older clients send), {@code paymentInfoOther} or
 * {@code paymentInfoPayex}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisterOrderRequest(String externalOrderId, @WireTime Long orderDate, String paymentMethod, String merchantId,
        BigDecimal orderAmount, String currency, String marketingCouponCode, Integer marketingCouponNumber,
        String campaignParameters, String companyCode, String customerReference, String uniqueUserId,
        String seller, String salesMethod, Address payer, List<OrderLine> orderLines, Boolean prepaid,
        Boolean recurring, PaymentInfo paymentInfo, PaymentInfo paymentInfoOther, PaymentInfo paymentInfoPayex) {
}
