package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.register;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Get customer profile in the shape published ConnectID clients read (connectid-api.md,
 * "Evidence": {@code userId}, {@code uniqueId}, {@code name{…}}, {@code credential{…}},
 * {@code phoneNumbers[{phoneNumber}]}), and List customer info – client mode.
 */
@QuarkusTest
class CustomerProfileShapeTest {

    @Test
    void theProfileHasTheShapePublishedClientsRead() {
        String user = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD).get("access");
        api(user).when().get("/capi/v1/customer/profile")
                .then().statusCode(200)
                .body("userId", instanceOf(Number.class))
                .body("uniqueId", matchesPattern("^[0-9a-f]{32}$"))
                .body("customerNumber", equalTo(500000))
                .body("name.firstName", equalTo("Kari"))
                .body("name.lastName", equalTo("Nordmann"))
                .body("credential.credential", equalTo(SandboxSeeder.DEMO_EMAIL))
                .body("credential.credentialType", equalTo("A"))
                .body("phoneNumbers[0].phoneNumber", equalTo(SandboxSeeder.DEMO_MOBILE))
                .body("emails", hasItem(SandboxSeeder.DEMO_EMAIL))
                // The old flat fields are gone: a client reading them would be wrong at the real ConnectID.
                .body("uniqueUserId", nullValue())
                .body("firstName", nullValue());
    }

    @Test
    void aClientReadsTheCustomerInfoOfItsOwnCustomersOnly() {
        String client = clientToken();
        long orderId = register(client, CidTestSupport.order(uniqueId(), "invoice"));
        int customerNumber = api(client).when().get("/capi/v1/client/order/status/" + orderId)
                .then().statusCode(200).extract().path("orders[0].customerNumber");
        api(client).when().get("/capi/v1/client/customer/info/" + customerNumber)
                .then().statusCode(200)
                .body("customerNumber", equalTo(customerNumber))
                .body("name.lastName", equalTo("Nordmann"))
                .body("name.firstName", equalTo("Ola"))
                .body("phoneNumbers[0].phoneNumber", equalTo("+4712345678"))
                .body("emails", hasItem("ola@example.com"));
        // The seeded customer has no order from this client (yet): not found, like an unknown number.
        api(client).when().get("/capi/v1/client/customer/info/999999999")
                .then().statusCode(400).body("exceptionType", equalTo("CustomerNotFoundException"));
        api(client).when().get("/capi/v1/client/customer/info/abc")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
        String user = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD).get("access");
        api(user).when().get("/capi/v1/client/customer/info/" + customerNumber)
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }
}
