package io.connectcheckout.connectid.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectcheckout.connectid.sandbox.orders.OrderState;
import io.connectcheckout.connectid.sandbox.orders.SandboxOrder;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An order leaves {@code preliminary} once, to a terminal status, and records each move. */
class SandboxOrderStateTest {

    @ParameterizedTest
    @EnumSource(value = OrderState.class, names = {"COMPLETED", "CANCELLED", "FAILED"})
    void terminalStatusesAreFinal(OrderState end) {
        SandboxOrder order = new SandboxOrder();
        order.register(Instant.now());
        order.moveTo(end, "done", Instant.now());
        assertEquals(end, order.status());
        assertEquals(2, order.history.size());
        for (OrderState next : OrderState.values()) {
            assertThrows(IllegalStateException.class, () -> order.moveTo(next, "again", Instant.now()));
        }
        assertEquals(end, order.status());
    }

    @Test
    void preliminaryCannotMoveToPreliminary() {
        SandboxOrder order = new SandboxOrder();
        assertThrows(IllegalStateException.class, () -> order.moveTo(OrderState.PRELIMINARY, "x", Instant.now()));
    }
}
