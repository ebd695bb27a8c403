package io.connectcheckout.checkout;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as the checkout's pages and e-mails show them: Norwegian local time, with its
 * zone named (CET/CEST), in the shopper's language: {@code 8 December 2026, 14:05 CET},
 * {@code 8. desember 2026 kl. 14:05 CET} (found by the outside attack of stop 23: a bare
 * "2:59 AM" said neither which zone nor, beside a UTC Date header, which time).
 */
final class ShopperTime {

    /** The zone of the publishers and of the consumer law the checkout follows. */
    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private ShopperTime() {
    }

    /** Date and time with the zone. */
    static String dateTime(Instant instant, Locale locale) {
        String pattern = "nb".equals(locale.getLanguage()) ? "d. MMMM uuuu 'kl.' HH:mm zzz" : "d MMMM uuuu, HH:mm zzz";
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(ZONE).format(instant);
    }

    /** The date alone. */
    static String date(Instant instant, Locale locale) {
        String pattern = "nb".equals(locale.getLanguage()) ? "d. MMMM uuuu" : "d MMMM uuuu";
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(ZONE).format(instant);
    }
}
