package io.connectcheckout.connectid.client;

import io.connectcheckout.common.Money;

/**
 * An order as the checkout registers it: one line (a coupon or a product), the payer, the
 * ConnectID payment method, and for prepaid orders the verified payment.
 */
public record OrderToRegister(String externalOrderId, String paymentMethod, boolean prepaid, Money amount,
        PrepaidPayment payment, Payer payer, String specType, String couponCode, String couponNumber,
        String productCode) {

    /**
     * The payer as ConnectID wants it: e-mail and mobile (E.164) optional, but at least one; and the
     * customer an earlier order of the same checkout was registered for (null: ConnectID finds or
     * creates one).
     */
    public record Payer(Long customerNumber, String firstName, String lastName, String email, String mobile,
            String postalCode, String street, String city) {
    }

    /** Proof of a prepaid payment, verified by ConnectID with the payment provider. */
    public record PrepaidPayment(String transactionId, String provider, Money amount, String maskedCard) {
    }
}
