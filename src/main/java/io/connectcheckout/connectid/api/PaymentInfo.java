package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * Proof of a payment collected before the order was registered ({@code prepaid=true}); sent as
 * {@code paymentInfoOther} or {@code paymentInfoPayex}. Our choice: the public docs do not list
 * these fields, the sandbox verifies them with the payment provider.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentInfo(String transactionId, String provider, BigDecimal amount, String currency,
        String maskedCard) {
}
