package io.connectcheckout.payment.sandbox.payments;

import java.util.EnumSet;
import java.util.Set;

/** The sandbox's payment states and the only moves between them (forward only). */
public enum PspState {
    CREATED, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, ABORTED, FAILED, EXPIRED, CANCELLED;

    Set<PspState> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(AUTHORIZED, ABORTED, FAILED, EXPIRED);
            case AUTHORIZED -> EnumSet.of(CAPTURED, CANCELLED);
            case CAPTURED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
            case PARTIALLY_REFUNDED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
            default -> EnumSet.noneOf(PspState.class);
        };
    }

    boolean canMoveTo(PspState target) {
        return next().contains(target);
    }
}
