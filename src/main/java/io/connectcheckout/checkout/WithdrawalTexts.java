package io.connectcheckout.checkout;

import io.connectcheckout.common.Money;
import java.util.Locale;

/**
 * The sentence that tells a shopper what their withdrawal does with their money, the same on the
 * confirm page, the acknowledgement page and the acknowledgement e-mail: who refunds how much,
 * and how it was counted ({@link WithdrawalTerms}).
 */
final class WithdrawalTexts {

    private WithdrawalTexts() {
    }

    /**
     * @param terms what the withdrawal costs and refunds
     * @param by who refunds it
     * @param currency ISO 4217 code of the amounts
     */
    static String effect(CheckoutMessages msg, WithdrawalTerms terms, Withdrawal.RefundBy by, String currency,
            String publisher, Locale locale) {
        String refund = Money.ofMinor(terms.refundMinor(), currency).format(locale);
        String paid = Money.ofMinor(terms.paidMinor(), currency).format(locale);
        String charge = Money.ofMinor(terms.chargeMinor(), currency).format(locale);
        boolean less = terms.chargeMinor() > 0;
        int days = (int) terms.daysHad();
        if (terms.basis() == WithdrawalTerms.Basis.NOTHING_PAID) {
            return less ? msg.withdraw_effect_invoice_charge(publisher, charge, days) : msg.withdraw_effect_invoice(publisher);
        }
        if (terms.refundMinor() == 0) {
            return msg.withdraw_effect_nothing();
        }
        if (by == Withdrawal.RefundBy.PROVIDER) {
            return less ? msg.withdraw_effect_refund_less(refund, paid, charge, days) : msg.withdraw_effect_refund(refund);
        }
        return less ? msg.withdraw_effect_publisher_refund_less(publisher, refund, paid, charge, days)
                : msg.withdraw_effect_publisher_refund(publisher, refund);
    }
}
