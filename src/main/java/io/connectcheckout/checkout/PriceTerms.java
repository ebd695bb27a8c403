package io.connectcheckout.checkout;

import io.connectcheckout.common.Money;
import jakarta.persistence.Embeddable;

/**
 * The price the shopper agreed to, a snapshot of ConnectID's terms taken when the offer was
 * chosen: VAT-inclusive amount and VAT in minor units (øre) of an ISO 4217 currency, and the first
 * period in ConnectID's period units ({@code month}, {@code week}, …).
 */
@Embeddable
public class PriceTerms {

    private Long amountMinor;
    private Long vatMinor;
    private String currency;
    private Integer periodLength;
    private String periodType;

    static PriceTerms of(Money price, Money vat, int periodLength, String periodType) {
        PriceTerms terms = new PriceTerms();
        terms.amountMinor = price.minorUnits();
        terms.vatMinor = vat.minorUnits();
        terms.currency = price.currency().getCurrencyCode();
        terms.periodLength = periodLength;
        terms.periodType = periodType;
        return terms;
    }

    /** The VAT-inclusive price of the first period. */
    public Money price() {
        return Money.ofMinor(amountMinor, currency);
    }

    /** The VAT in {@link #price()}. */
    public Money vat() {
        return Money.ofMinor(vatMinor, currency);
    }

    /** The price in minor units, as stored. */
    public long amountMinor() {
        return amountMinor;
    }

    /** ISO 4217 code of the price's currency. */
    public String currency() {
        return currency;
    }

    /** Length of the first period, in {@link #periodType()} units (1 when ConnectID did not say). */
    public int periodLength() {
        return periodLength == null ? 1 : periodLength;
    }

    /** ConnectID's period type ({@code month} when it did not say). */
    public String periodType() {
        return periodType == null ? "month" : periodType;
    }
}
