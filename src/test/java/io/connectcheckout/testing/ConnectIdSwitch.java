package io.connectcheckout.testing;

import java.util.Map;

/**
 * A switch in the wire between the checkout and ConnectID's API (see {@link HttpSwitch}): the
 * checkout's ConnectID API URL ({@code quarkus.rest-client.connectid-api.url}) points at it; the
 * token endpoint and the browser-facing login and fulfillment URLs do not.
 */
public class ConnectIdSwitch extends HttpSwitch {

    /** The switch's position and counters: {@code WIRE.down()}, {@code WIRE.received()}, … */
    public static final State WIRE = new State();

    public ConnectIdSwitch() {
        super(WIRE);
    }

    /**
     * Register order calls (client and user mode) the checkout sent towards ConnectID so far,
     * forwarded or not: the orders the real ConnectID, which has no duplicate check, could hold.
     */
    public static int registerCalls() {
        return WIRE.posts("/capi/v1/client/order") + WIRE.posts("/capi/v1/order");
    }

    @Override
    protected Map<String, String> configFor(String switchOrigin) {
        return Map.of("quarkus.rest-client.connectid-api.url", switchOrigin + "/capi");
    }
}
