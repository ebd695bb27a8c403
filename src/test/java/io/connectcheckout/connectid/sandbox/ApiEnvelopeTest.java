package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.raw;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Order API's HTTP envelope as the outside attack of 2026-12-03 found it (findings 4, 5, 6,
 * 12a, 12b): every refusal is the documented {@code {exceptionType, errorMessage}} body with
 * {@code X-Mediaconnect-Api-Version}, 405 and OPTIONS name the methods the path really serves,
 * the {@code Accept} weights are honoured and never leak into {@code Content-Type}, a request
 * without credentials gets a bare Bearer challenge, and no answer sets the pages' CSRF cookie.
 */
@QuarkusTest
class ApiEnvelopeTest {

    private static final String VERSION = "X-Mediaconnect-Api-Version";

    @Test
    void aBodyOverTheSizeLimitOrAnEnvelopeVertxRefusesGetsTheDocumentedBodyAndVersion() {
        String token = clientToken();
        // Announced larger than quarkus.http.limits.max-body-size (1M): refused from the header alone.
        String announced = raw("POST /capi/v1/client/order HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\nConnection: close", null);
        assertDocumented(announced, 413);
        // Chunked, no length announced: refused once the body passes the limit.
        StringBuilder chunks = new StringBuilder();
        String chunk = "x".repeat(65_536);
        for (int i = 0; i < 20; i++) {
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        chunks.append("0\r\n\r\n");
        String chunked = raw("POST /capi/v1/client/order HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close",
                chunks.toString().getBytes(StandardCharsets.US_ASCII));
        assertDocumented(chunked, 413);
        // No Host header: refused by Vert.x before any route runs.
        assertDocumented(raw("GET /capi/v1/client/product HTTP/1.1\r\nConnection: close", null), 400);
    }

    @Test
    void a405AndAnOptionsRequestNameTheMethodsThePathServes() {
        String token = clientToken();
        for (String method : new String[] {"GET", "DELETE", "PATCH", "PUT"}) {
            Response refused = given().header("Authorization", "Bearer " + token).when()
                    .request(method, "/capi/v1/client/order");
            refused.then().statusCode(405).contentType(startsWith("application/json"))
                    .header(VERSION, notNullValue()).body("exceptionType", equalTo("MethodNotAllowedException"));
            assertEquals(Set.of("POST"), allow(refused), method + " /capi/v1/client/order");
        }
        Response postOnGet = given().header("Authorization", "Bearer " + token).when()
                .post("/capi/v1/client/order/status/1");
        postOnGet.then().statusCode(405);
        assertEquals(Set.of("GET", "HEAD"), allow(postOnGet));

        Response options = given().when().options("/capi/v1/client/order");
        options.then().statusCode(405).contentType(startsWith("application/json")).header(VERSION, notNullValue())
                .body("exceptionType", equalTo("MethodNotAllowedException"));
        assertEquals(Set.of("POST"), allow(options));
        assertEquals(Set.of("GET", "HEAD"), allow(given().when().options("/capi/v1/client/order/status/7")));
        assertEquals(Set.of("GET", "HEAD", "POST"), allow(given().when().options("/capi/v1/order/status")));
        given().when().options("/capi/v1/no/such/endpoint").then().statusCode(404)
                .contentType(startsWith("application/json")).body("exceptionType", equalTo("NotFoundException"));
    }

    @Test
    void acceptWeightsAreHonouredAndNeverLeakIntoTheContentType() {
        String token = clientToken();
        Response xml = coupon(token, "application/xml;q=0.9, application/json;q=0.1");
        xml.then().statusCode(200).contentType(startsWith("application/xml"));
        assertFalse(xml.contentType().contains("q="), xml.contentType());

        Response json = coupon(token, "application/json;q=0.5, application/xml;q=0.1");
        json.then().statusCode(200).contentType(startsWith("application/json"));
        assertFalse(json.contentType().contains("q="), json.contentType());

        // JSON refused with q=0 (RFC 9110 §12.5.1): XML when that is acceptable ...
        Response notJson = coupon(token, "application/json;q=0, application/xml");
        notJson.then().statusCode(200).contentType(startsWith("application/xml"));
        Response wildcardButNotJson = coupon(token, "application/json;q=0, */*");
        wildcardButNotJson.then().statusCode(200).contentType(startsWith("application/xml"));
        // ... else a 406 with the documented body (it is JSON: every /capi error is).
        Response nothing = coupon(token, "application/json;q=0");
        nothing.then().statusCode(406).header(VERSION, notNullValue())
                .body("exceptionType", equalTo("NotAcceptableException"));
        assertFalse(nothing.contentType().contains("q="), nothing.contentType());
    }

    @Test
    void aRequestWithoutCredentialsGetsABareBearerChallengeAndABadTokenInvalidToken() {
        given().when().get("/capi/v1/client/coupon/DIGI").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("WWW-Authenticate", not(containsString("error")));
        given().header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes()))
                .when().get("/capi/v1/client/coupon/DIGI").then().statusCode(401)
                .header("WWW-Authenticate", not(containsString("error")));
        given().header("Authorization", "Bearer not-a-token").when().get("/capi/v1/client/coupon/DIGI")
                .then().statusCode(401).header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void noOrderApiAnswerSetsTheCsrfCookie() {
        String token = clientToken();
        Response[] answers = {
                given().header("Authorization", "Bearer " + token).when().get("/capi/v1/client/coupon/DIGI"),
                given().when().get("/capi/v1/client/coupon/DIGI"),
                given().when().get("/capi/v1/no/such/endpoint"),
                given().header("Authorization", "Bearer " + token).when().get("/capi/v1/client/order")};
        for (Response answer : answers) {
            assertNull(answer.getHeader("Set-Cookie"), "HTTP " + answer.statusCode() + " set " + answer.getHeader("Set-Cookie"));
        }
        // The pages keep theirs: the login page still sets it for its form.
        assertTrue(given().redirects().follow(false).when().get("/user/login").getHeaders().getValues("Set-Cookie")
                .stream().anyMatch(c -> c.startsWith("csrf-token=")), "the login page sets the CSRF cookie");
    }

    private static Response coupon(String token, String accept) {
        return given().header("Authorization", "Bearer " + token).header("Accept", accept)
                .when().get("/capi/v1/client/coupon/DIGI");
    }

    private static Set<String> allow(Response response) {
        String allow = response.getHeader("Allow");
        assertTrue(allow != null, "HTTP " + response.statusCode() + " has an Allow header");
        return Arrays.stream(allow.split(",")).map(String::trim).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A raw answer: the status, the API version header and the documented JSON body. */
    private static void assertDocumented(String answer, int status) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status), answer.lines().findFirst().orElse(answer));
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase();
        assertTrue(head.contains(VERSION.toLowerCase() + ":"), "version header in\n" + head);
        assertTrue(head.contains("content-type: application/json"), head);
        assertTrue(answer.contains("\"exceptionType\":") && answer.contains("\"errorMessage\":"), answer);
    }
}
