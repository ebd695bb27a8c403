package io.connectcheckout.payment.sandbox.payments;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The sandbox's public ids: a prefix and 128 random bits in hex ({@code pay_…}, {@code evt_…}), unguessable. */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    public static String withPrefix(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
