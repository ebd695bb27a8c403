package io.connectcheckout.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void convertsExactlyBetweenAmountAndMinorUnits() {
        assertEquals(29900, Money.of("299", "NOK").minorUnits());
        assertEquals("299.00 NOK", Money.ofMinor(29900, "NOK").toString());
        assertEquals(1, Money.of("0.01", "NOK").minorUnits());
    }

    @Test
    void refusesFractionsTheCurrencyDoesNotHave() {
        assertThrows(ArithmeticException.class, () -> Money.of("1.001", "NOK"));
    }

    @Test
    void formatsForNorwegianAndEnglishReaders() {
        assertEquals("kr 1 299,00", Money.of("1299", "NOK").format(Locale.forLanguageTag("nb")));
        assertEquals("NOK 1,299.00", Money.of("1299", "NOK").format(Locale.ENGLISH));
    }

    @Test
    void addsOnlyTheSameCurrency() {
        assertEquals(Money.of("3.50", "NOK"), Money.of("1.25", "NOK").plus(Money.of("2.25", "NOK")));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "NOK").plus(Money.of("1", "SEK")));
    }
}
