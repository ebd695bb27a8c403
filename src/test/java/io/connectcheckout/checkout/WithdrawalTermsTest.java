package io.connectcheckout.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Issue 14 item 4: what a withdrawal costs and refunds, counted in whole days, in the shopper's favour. */
class WithdrawalTermsTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** 1 December 2026, 10:00 in Oslo: a month of 31 days follows. */
    private static final Instant ORDERED = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void withoutAnExpressRequestEverythingIsRefunded() {
        WithdrawalTerms t = WithdrawalTerms.of(29900, true, false, ORDERED, ORDERED.plusSeconds(10 * 86400), 1, "month", OSLO);
        assertEquals(WithdrawalTerms.Basis.FULL, t.basis());
        assertEquals(0, t.chargeMinor());
        assertEquals(29900, t.refundMinor());
    }

    @Test
    void withAnExpressRequestTheWholeDaysHadArePaidForRoundedDown() {
        // 9 days and 23 hours: 9 whole days of 31: 29900 × 9 / 31 = 8680.6… → 8680 øre charged, 21220 refunded.
        WithdrawalTerms t = WithdrawalTerms.of(29900, true, true, ORDERED, Instant.parse("2026-12-11T08:00:00Z"), 1,
                "month", OSLO);
        assertEquals(WithdrawalTerms.Basis.PROPORTIONAL, t.basis());
        assertEquals(9, t.daysHad());
        assertEquals(8680, t.chargeMinor());
        assertEquals(21220, t.refundMinor());
        assertEquals(t.paidMinor(), t.chargeMinor() + t.refundMinor());
    }

    /** Found by the outside attack of stop 23: 23 hours counted as a day and 71 hours as three (calendar days). */
    @Test
    void wholeDaysAre24HourPeriodsFromTheOrdersMoment() {
        assertEquals(0, WithdrawalTerms.of(29900, true, true, ORDERED, ORDERED.plusSeconds(23 * 3600), 1, "month", OSLO)
                .chargeMinor());
        WithdrawalTerms twoDays = WithdrawalTerms.of(29900, true, true, ORDERED, ORDERED.plusSeconds(71 * 3600), 1,
                "month", OSLO);
        assertEquals(2, twoDays.daysHad());
        assertEquals(29900 * 2 / 31, twoDays.chargeMinor());
    }

    @Test
    void onTheDayOfTheOrderNothingIsCharged() {
        WithdrawalTerms t = WithdrawalTerms.of(29900, true, true, ORDERED, Instant.parse("2026-12-01T22:59:00Z"), 1,
                "month", OSLO);
        assertEquals(0, t.chargeMinor());
        assertEquals(29900, t.refundMinor());
    }

    @Test
    void weeksAndYearsCountTheirOwnDays() {
        assertEquals(29900 * 3 / 7, WithdrawalTerms.of(29900, true, true, ORDERED, ORDERED.plusSeconds(3 * 86400), 1,
                "week", OSLO).chargeMinor());
        assertEquals(100000L * 5 / 365, WithdrawalTerms.of(100000, true, true, ORDERED, ORDERED.plusSeconds(5 * 86400),
                1, "years", OSLO).chargeMinor());
    }

    @Test
    void anInvoiceRefundsNothingAndOwesAtMostTheDaysHad() {
        WithdrawalTerms plain = WithdrawalTerms.of(44900, false, false, ORDERED, ORDERED.plusSeconds(86400), 1, "month", OSLO);
        assertEquals(WithdrawalTerms.Basis.NOTHING_PAID, plain.basis());
        assertEquals(0, plain.refundMinor());
        assertEquals(0, plain.chargeMinor());
        WithdrawalTerms started = WithdrawalTerms.of(44900, false, true, ORDERED, ORDERED.plusSeconds(2 * 86400), 1,
                "month", OSLO);
        assertEquals(44900 * 2 / 31, started.chargeMinor());
        assertEquals(0, started.refundMinor());
    }

    @Test
    void thePeriodEndsAtMidnightOsloTimeFourteenDaysAfterTheOrdersDay() {
        // Ordered 1 December: the period runs 2–15 December and ends at 16 December 00:00 in Oslo (23:00 UTC).
        assertEquals(Instant.parse("2026-12-15T23:00:00Z"), WithdrawalTerms.deadline(ORDERED, OSLO));
        // Ordered a minute before midnight on 30 November counts from 30 November.
        assertEquals(Instant.parse("2026-12-14T23:00:00Z"),
                WithdrawalTerms.deadline(Instant.parse("2026-11-30T22:59:00Z"), OSLO));
    }
}
