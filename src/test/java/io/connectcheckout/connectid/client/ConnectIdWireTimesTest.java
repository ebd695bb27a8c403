package io.connectcheckout.connectid.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.common.Money;
import io.connectcheckout.connectid.api.OrderStatusList;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The checkout's client on ConnectID's times (connectid-api.md "Evidence from published client code"):
 * it sends whole seconds in epoch ms, and reads a status whose times come as epoch ms or ISO strings.
 */
class ConnectIdWireTimesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theOrderDateSentIsWholeSecondsInEpochMillis() throws Exception {
        OrderToRegister order = new OrderToRegister("ext-1", "invoice", false, Money.of("299.00", "NOK"), null,
                new OrderToRegister.Payer(null, "Kari", "Nordmann", "kari@example.no", null, "0155", "Storgata 1",
                        "Oslo"),
                "coupon", "DIGI", "1", null);
        JsonNode sent = json.readTree(json.writeValueAsString(
                ConnectIdWire.toWire(order, Instant.parse("2026-11-29T10:15:30.377Z"))));
        assertEquals(Instant.parse("2026-11-29T10:15:30Z").toEpochMilli(), sent.get("orderDate").asLong());
    }

    @Test
    void anOrderTimeIsReadFromEpochMillisOrAnIsoString() throws Exception {
        OrderStatusList millis = json.readValue(
                "{\"orders\":[{\"orderId\":9,\"orderTime\":1559372400000,\"orderStatus\":\"preliminary\"}]}",
                OrderStatusList.class);
        OrderStatusList iso = json.readValue(
                "{\"orders\":[{\"orderId\":9,\"orderTime\":\"2019-06-01T09:00:00+02:00\",\"orderStatus\":\"preliminary\"}]}",
                OrderStatusList.class);
        assertEquals(1559372400000L, millis.orders().get(0).orderTime());
        assertEquals(1559372400000L, iso.orders().get(0).orderTime());
    }
}
