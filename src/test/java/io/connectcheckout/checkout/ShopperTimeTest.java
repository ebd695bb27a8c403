package io.connectcheckout.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Times on pages and in e-mails name their zone, in the shopper's language (outside attack of stop 23). */
class ShopperTimeTest {

    @Test
    void norwegianTimeWithItsZoneInBothLanguages() {
        Instant winter = Instant.parse("2026-12-08T13:05:00Z");
        assertEquals("8 December 2026, 14:05 CET", ShopperTime.dateTime(winter, Locale.ENGLISH));
        assertEquals("8. desember 2026 kl. 14:05 CET", ShopperTime.dateTime(winter, Locale.forLanguageTag("nb")));
        Instant summer = Instant.parse("2026-06-19T10:00:00Z");
        assertEquals("19 June 2026, 12:00 CEST", ShopperTime.dateTime(summer, Locale.ENGLISH));
    }
}
