package io.connectcheckout.connectid.sandbox;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Helpers the ConnectID sandbox tests share: tokens for the seeded demo client, and request builders. */
public final class CidTestSupport {

    public static final String CLIENT = SandboxSeeder.DEMO_CLIENT_ID;
    public static final String SECRET = SandboxSeeder.DEMO_CLIENT_SECRET;

    private CidTestSupport() {
    }

    public static String clientToken() {
        return given().auth().preemptive().basic(CLIENT, SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .when().post("/user/oauth/token")
                .then().statusCode(200).extract().path("access_token");
    }

    public static RequestSpecification api(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static String uniqueId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 30);
    }

    /** A valid client-mode order body for the monthly digital coupon, with the given externalOrderId and method. */
    public static String order(String externalOrderId, String paymentMethod) {
        return """
                {"externalOrderId":"%s","orderDate":1764000000000,"paymentMethod":"%s",
                 "orderAmount":299,"currency":"NOK",
                 "payer":{"firstName":"Ola","lastName":"Nordmann","street":"Gate","streetNumber":"1",
                          "postalCode":"0150","postalPlace":"Oslo","countryCode":"NO",
                          "emails":["ola@example.com"],"phoneNumbers":["+4712345678"]},
                 "orderLines":[{"productSpecType":"coupon","productSpecCode":"DIGI","productSpecNo":1,
                                "quantity":1,"unitPrice":299,"allowAccessProduct":"DIGI","allowAccessSeconds":86400,
                                "startInfo":{"startDate":1764000000000}}]}
                """.formatted(externalOrderId, paymentMethod);
    }

    /**
     * Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and then
     * {@code body} over a plain socket, as a client no library tidies up would, and returns the raw
     * answer up to the server's close. A write the server cut short (it answered early) is not an error.
     */
    public static String raw(String head, byte[] body) {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            try {
                out.write((head + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (java.io.IOException cutShort) {
                // The server answered before the body was sent and closed: read what it said.
            }
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static long register(String token, String body) {
        return ((Number) api(token).body(body).when().post("/capi/v1/client/order")
                .then().statusCode(200).extract().path("orderId")).longValue();
    }
}
