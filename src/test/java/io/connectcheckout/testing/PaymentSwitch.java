package io.connectcheckout.testing;

import java.time.Duration;
import java.util.Map;

/**
 * A switch in the wire between the application and the payment provider's API (see
 * {@link HttpSwitch}): {@code quarkus.rest-client.psp.url} points at it. The browser-facing
 * hosted payment page does not go through it.
 *
 * <p>There is one {@code psp} REST client in the process: the checkout's prepaid flows use it,
 * and so does the in-process ConnectID sandbox (fulfillment, and verifying a prepaid order's
 * payment), exactly as both would reach one real provider. So while the switch is down the
 * provider is down for both, as in a real outage.
 */
public class PaymentSwitch extends HttpSwitch {

    private static final State STATE = new State();

    public PaymentSwitch() {
        super(STATE);
    }

    /** The provider answers 503 to every API call. */
    public static void down() {
        STATE.down();
    }

    public static void up() {
        STATE.up();
    }

    /** Every API call is answered, but only after {@code delay}. */
    public static void slow(Duration delay) {
        STATE.slow(delay);
    }

    /** Every API call loses its connection without an answer (the provider unreachable). */
    public static void cut() {
        STATE.cut();
    }

    /** API calls sent towards the provider so far (forwarded or not). */
    public static int received() {
        return STATE.received();
    }

    @Override
    protected Map<String, String> configFor(String switchOrigin) {
        return Map.of("quarkus.rest-client.psp.url", switchOrigin);
    }
}
