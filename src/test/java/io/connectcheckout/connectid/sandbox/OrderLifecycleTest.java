package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.order;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.register;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Register order in user mode, the user's order reads, and Complete order – client mode. */
@QuarkusTest
class OrderLifecycleTest {

    @Test
    void userModeOrdersBelongToTheLoggedInUser() {
        Map<String, String> tokens = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD);
        String user = tokens.get("access");
        String external = uniqueId();
        long orderId = ((Number) api(user).body(order(external, "vippsEcommerce")).when().post("/capi/v1/order")
                .then().statusCode(200).extract().path("orderId")).longValue();

        api(user).when().get("/capi/v1/order/status")
                .then().statusCode(200).body("orders.orderId", hasItem(orderId))
                .body("orders.customerNumber", hasItem(500000));
        api(user).body("{\"externalOrderId\":\"" + external + "\"}").when().post("/capi/v1/order/status")
                .then().statusCode(200)
                .body("orders", hasSize(1))
                .body("orders[0].orderId", equalTo(orderId))
                .body("orders[0].orderStatus", equalTo("preliminary"))
                .body("orders[0].orderLines[0].productId", equalTo("DIGI"))
                .body("orders[0].orderLines[0].invoiceStatus", equalTo("notInvoiced"))
                .body("orders[0].orderLines[0].deliveryStatus", equalTo("waiting"));
        api(user).body("{\"orderId\":" + orderId + "}").when().post("/capi/v1/order/status")
                .then().statusCode(200).body("orders", hasSize(1));
        api(user).body("{\"orderId\":1,\"externalOrderId\":\"x\"}").when().post("/capi/v1/order/status")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
        api(user).body("{}").when().post("/capi/v1/order/status")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
    }

    @Test
    void anotherUsersOrdersAreNotListed() {
        String client = clientToken();
        long someoneElses = register(client, order(uniqueId(), "invoice"));
        String user = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD).get("access");
        api(user).when().get("/capi/v1/order/status")
                .then().statusCode(200).body("orders.orderId", not(hasItem(someoneElses)));
        // Asked for by its id, someone else's order is an unknown order, as the documented errors say.
        api(user).body("{\"orderId\":" + someoneElses + "}").when().post("/capi/v1/order/status")
                .then().statusCode(400).body("exceptionType", equalTo("OrderNotFoundException"));
        api(user).body("{\"orderId\":4503599627370496}").when().post("/capi/v1/order/status")
                .then().statusCode(400).body("exceptionType", equalTo("OrderNotFoundException"));
    }

    @Test
    void invoiceAndFreeOrdersCompleteAtOnceAndStayCompleted() {
        String token = clientToken();
        for (String method : new String[] {"invoice", "free", "other", "sms"}) {
            long orderId = register(token, order(uniqueId(), method));
            api(token).body("{\"orderId\":" + orderId + "}").when().post("/capi/v1/client/order/fulfillment")
                    .then().statusCode(200)
                    .body("fulfillmentStatus", equalTo("OK"))
                    .body("orderId", equalTo(orderId));
            api(token).when().get("/capi/v1/client/order/status/" + orderId)
                    .then().statusCode(200).body("orders[0].orderStatus", equalTo("completed"));
            api(token).body("{\"orderId\":" + orderId + "}").when().post("/capi/v1/client/order/fulfillment")
                    .then().statusCode(200).body("fulfillmentStatus", equalTo("OK"));
        }
    }

    @Test
    void interactivePaymentMethodsCannotBeCompletedByTheApi() {
        // nexi is not among the methods the reference lists for the fulfillment API (creditcardPayex
        // and kco are, since issue 13 item 8: WireFormatsTest).
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "nexi"));
        api(token).body("{\"orderId\":" + orderId + "}").when().post("/capi/v1/client/order/fulfillment")
                .then().statusCode(200)
                .body("fulfillmentStatus", equalTo("ERROR"))
                .body("errorMessage", containsString("fulfillment URL"));
        api(token).when().get("/capi/v1/client/order/status/" + orderId)
                .then().statusCode(200).body("orders[0].orderStatus", equalTo("preliminary"));
    }

    @Test
    void completeOrderValidatesItsInput() {
        String token = clientToken();
        api(token).body("{}").when().post("/capi/v1/client/order/fulfillment")
                .then().statusCode(400).body("errorMessage", containsString("orderId"));
        api(token).body("{\"orderId\":987654321}").when().post("/capi/v1/client/order/fulfillment")
                .then().statusCode(400).body("exceptionType", equalTo("OrderNotFoundException"));
        long orderId = register(token, order(uniqueId(), "invoice"));
        api(token).body("{\"orderId\":" + orderId + ",\"callbackUrl\":\"javascript:alert(1)\"}")
                .when().post("/capi/v1/client/order/fulfillment")
                .then().statusCode(400).body("errorMessage", containsString("callbackUrl"));
        api(token).when().get("/capi/v1/client/order/status/abc")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
    }
}
