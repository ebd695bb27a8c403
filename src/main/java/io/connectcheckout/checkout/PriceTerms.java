package io.connectcheckout.checkout;

import io.connectcheckout.common.Money;
import io.connectcheckout.connectid.client.OfferTerms;
import jakarta.persistence.Embeddable;

/**
 * The price the shopper agreed to, a snapshot of ConnectID's terms taken when the offer was
 * chosen: VAT-inclusive amount and VAT in minor units (øre) of an ISO 4217 currency, the first
 * period in ConnectID's period units ({@code month}, {@code week}, …), and what it renews at
 * (none for one-off products; issue 14 item 1: review and receipt state the renewal the offer page
 * stated, from the same snapshot).
 */
@Embeddable
public class PriceTerms {

    private Long amountMinor;
    private Long vatMinor;
    private String currency;
    private Integer periodLength;
    private String periodType;
    private Long renewalAmountMinor;
    private Integer renewalPeriodLength;
    private String renewalPeriodType;

    /** A snapshot of ConnectID's terms; the renewal is kept only when it is in the first price's currency. */
    static PriceTerms of(OfferTerms offer) {
        PriceTerms terms = new PriceTerms();
        terms.amountMinor = offer.price().minorUnits();
        terms.vatMinor = offer.vat().minorUnits();
        terms.currency = offer.price().currency().getCurrencyCode();
        terms.periodLength = offer.periodLength();
        terms.periodType = offer.periodType();
        if (offer.renewalPrice() != null && offer.renewalPrice().currency().equals(offer.price().currency())) {
            terms.renewalAmountMinor = offer.renewalPrice().minorUnits();
            terms.renewalPeriodLength = offer.renewalPeriodLength();
            terms.renewalPeriodType = offer.renewalPeriodType();
        }
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

    /** The VAT-inclusive price of each renewal; null when nothing renews (a one-off product). */
    public Money renewalPrice() {
        return renewalAmountMinor == null ? null : Money.ofMinor(renewalAmountMinor, currency);
    }

    /** Length of each renewal period, in {@link #renewalPeriodType()} units; null when nothing renews. */
    public Integer renewalPeriodLength() {
        return renewalAmountMinor == null ? null : (renewalPeriodLength == null ? periodLength() : renewalPeriodLength);
    }

    /** ConnectID's period type of each renewal; null when nothing renews. */
    public String renewalPeriodType() {
        return renewalAmountMinor == null ? null : (renewalPeriodType == null ? periodType() : renewalPeriodType);
    }
}
