package io.connectcheckout.testing;

import java.time.Duration;
import java.util.Map;

/**
 * A switch in the wire between the checkout and ConnectID's API (see {@link HttpSwitch}): the
 * checkout's ConnectID API URL ({@code quarkus.rest-client.connectid-api.url}) points at it; the
 * token endpoint and the browser-facing login and fulfillment URLs do not.
 */
public class ConnectIdSwitch extends HttpSwitch {

    private static final State STATE = new State();

    public ConnectIdSwitch() {
        super(STATE);
    }

    /** ConnectID answers 503 to every API call. */
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

    /** Every API call loses its connection without an answer. */
    public static void cut() {
        STATE.cut();
    }

    /** API calls the checkout sent towards ConnectID so far (forwarded or not). */
    public static int received() {
        return STATE.received();
    }

    /**
     * Register order calls (client and user mode) the checkout sent towards ConnectID so far,
     * forwarded or not: the orders the real ConnectID, which has no duplicate check, could hold.
     */
    public static int registerCalls() {
        return STATE.posts("/capi/v1/client/order") + STATE.posts("/capi/v1/order");
    }

    @Override
    protected Map<String, String> configFor(String switchOrigin) {
        return Map.of("quarkus.rest-client.connectid-api.url", switchOrigin + "/capi");
    }
}
