package io.connectcheckout.connectid.sandbox.orders;

import java.util.Locale;

/**
 * An order's status. Only {@code preliminary} is public at ConnectID; our choice for the sandbox:
 * {@code preliminary} → {@code completed} | {@code cancelled} | {@code failed}, all terminal.
 */
public enum OrderState {
    PRELIMINARY, COMPLETED, CANCELLED, FAILED;

    /** The value on the wire ({@code orderStatus}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this != PRELIMINARY;
    }

    public boolean canMoveTo(OrderState next) {
        return this == PRELIMINARY && next != PRELIMINARY;
    }
}
