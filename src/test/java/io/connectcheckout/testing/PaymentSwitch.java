package io.connectcheckout.testing;

import java.util.Map;

/**
 * A switch in the wire between the application and the payment provider's API (see
 * {@link HttpSwitch}): {@code quarkus.rest-client.psp.url} points at it. The browser-facing
 * hosted payment page does not go through it.
 *
 * <p>Two REST clients reach the provider: the checkout's {@code psp} (prepaid flows) and the
 * ConnectID sandbox's own {@code connectid-sandbox-psp} (fulfillment, and verifying a prepaid
 * order's payment). Both point at the switch, exactly as both would reach one real provider, so
 * while the switch is down the provider is down for both, as in a real outage.
 */
public class PaymentSwitch extends HttpSwitch {

    /** The switch's position and counters: {@code WIRE.down()}, {@code WIRE.received()}, … */
    public static final State WIRE = new State();

    public PaymentSwitch() {
        super(WIRE);
    }

    @Override
    protected Map<String, String> configFor(String switchOrigin) {
        return Map.of("quarkus.rest-client.psp.url", switchOrigin,
                "quarkus.rest-client.connectid-sandbox-psp.url", switchOrigin);
    }
}
