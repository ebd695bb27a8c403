package io.connectcheckout.testing;

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

    /** The switch's position and counters: {@code WIRE.down()}, {@code WIRE.received()}, … */
    public static final State WIRE = new State();

    public PaymentSwitch() {
        super(WIRE);
    }

    @Override
    protected Map<String, String> configFor(String switchOrigin) {
        return Map.of("quarkus.rest-client.psp.url", switchOrigin);
    }
}
