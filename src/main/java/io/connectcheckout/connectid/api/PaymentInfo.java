package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * Proof of a payment collected before the order was registered ({@code prepaid=true}); sent as
 * {@code paymentInfo} (the provider-neutral form of older clients), {@code paymentInfoOther} or
 * {@code paymentInfoPayex}. Our choice: the public docs do not list these fields, the sandbox verifies
 * them with the payment provider. The old generic {@code paymentInfo}'s {@code cardNumberMasked}
 * (connectid-api-notes.md §2.1) is read as {@code maskedCard}; its other fields are ignored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentInfo(String transactionId, String provider, BigDecimal amount, String currency,
        @JsonAlias("cardNumberMasked") String maskedCard) {
}
