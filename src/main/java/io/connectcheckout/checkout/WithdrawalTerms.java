package io.connectcheckout.checkout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * What a withdrawal costs and refunds (issue 14 item 4), in minor units of the order's currency.
 *
 * <p>Rules (Consumer Rights Directive art. 13, 14(3), 14(4)(a); angrerettloven § 22, § 25):
 * <ul>
 * <li>Within the withdrawal period: 14 days counted from the day after the order (art. 9(2)(a)),
 * ending at midnight Norwegian time at the end of the 14th day ({@link #deadline}).</li>
 * <li>{@link Basis#PROPORTIONAL}: the shopper asked for digital access to start at once, so they
 * pay for the whole days they have had, in proportion to the period paid for: charge =
 * price × whole days since the order (24-hour periods, counted from the order's moment) ÷ days of
 * the first period, rounded down to the minor unit (the shopper's favour); the rest is refunded.
 * A withdrawal within 24 hours of the order costs nothing.</li>
 * <li>{@link Basis#FULL}: no express request (or a product delivered later): everything back,
 * art. 14(4)(a)(ii).</li>
 * <li>{@link Basis#NOTHING_PAID}: invoice or free: nothing to refund; an invoice is to be cancelled
 * (or reduced to the charge) by the publisher.</li>
 * </ul>
 *
 * @param paidMinor what the shopper paid (0 for invoice and free)
 * @param chargeMinor what they pay for the days had (≤ the price)
 * @param refundMinor what is refunded (paid − charge, never negative)
 */
public record WithdrawalTerms(Basis basis, long priceMinor, long paidMinor, long chargeMinor, long refundMinor,
        long daysHad) {

    /** How the refund is counted. */
    public enum Basis {
        FULL, PROPORTIONAL, NOTHING_PAID;

        /** The stored value ({@code checkout_withdrawal.basis}). */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The withdrawal period in days (CRD art. 9(1)). */
    public static final int PERIOD_DAYS = 14;

    /**
     * The terms of withdrawing at {@code at} from an order of {@code priceMinor} completed at
     * {@code orderedAt}, whose first period is {@code periodLength} {@code periodType} units.
     *
     * @param paid whether the shopper has paid (prepaid, or at ConnectID's fulfillment)
     * @param immediateStart whether they asked for digital access to start at once
     */
    public static WithdrawalTerms of(long priceMinor, boolean paid, boolean immediateStart, Instant orderedAt,
            Instant at, int periodLength, String periodType, ZoneId zone) {
        long paidMinor = paid ? priceMinor : 0;
        long charge = 0;
        long daysHad = 0;
        Basis basis = paid ? Basis.FULL : Basis.NOTHING_PAID;
        if (immediateStart) {
            LocalDate start = orderedAt.atZone(zone).toLocalDate();
            daysHad = Math.max(0, java.time.Duration.between(orderedAt, at).toDays());
            long periodDays = Math.max(1, ChronoUnit.DAYS.between(start, end(start, periodLength, periodType)));
            charge = Math.min(priceMinor, Math.multiplyExact(priceMinor, Math.min(daysHad, periodDays)) / periodDays);
            basis = paid ? Basis.PROPORTIONAL : Basis.NOTHING_PAID;
        }
        long refund = Math.max(0, paidMinor - charge);
        return new WithdrawalTerms(basis, priceMinor, paidMinor, charge, refund, charge == 0 ? 0 : daysHad);
    }

    /** The last moment a withdrawal counts: the end of the 14th day after the order's day, in {@code zone}. */
    public static Instant deadline(Instant orderedAt, ZoneId zone) {
        return orderedAt.atZone(zone).toLocalDate().plusDays(PERIOD_DAYS + 1L).atStartOfDay(zone).toInstant();
    }

    private static LocalDate end(LocalDate start, int length, String type) {
        String unit = type == null ? "month" : type.toLowerCase(java.util.Locale.ROOT);
        return switch (unit) {
            case "day", "days" -> start.plusDays(length);
            case "week", "weeks" -> start.plusWeeks(length);
            case "year", "years" -> start.plusYears(length);
            default -> start.plusMonths(length);
        };
    }
}
