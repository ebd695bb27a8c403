package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.order;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.register;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectcheckout.testing.ErrorLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the outside attack on issue 13 sent to the Order API (findings 3 and 7): text that is no
 * text (NUL and other control characters, lone surrogates, bytes that are not UTF-8), e-mail
 * addresses no mail may go to, and values longer or larger than where they are stored. Each is a
 * 400 {@code ValidationException} naming the field, nothing is stored, and the log never gets the
 * value.
 */
@QuarkusTest
class HostileOrderBodiesTest {

    private static final String LONG = "x".repeat(100_000);

    private static String withLastName(String jsonValue) {
        return order(uniqueId(), "invoice").replace("\"lastName\":\"Nordmann\"", "\"lastName\":" + jsonValue);
    }

    private static ValidatableResponse refused(String token, String body, String field) {
        return api(token).body(body).when().post("/capi/v1/client/order")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", containsString(field));
    }

    /**
     * Found by the second outside attack: a name sent twice was read as its last value
     * ({@code "paymentMethod"} free then nexi), so what a client logged and what was stored differed.
     * RFC 8259 §4 leaves duplicates undefined; the Order API refuses them, naming the field, as the
     * token endpoint refuses a repeated parameter.
     */
    @Test
    void aNameSentTwiceIsRefusedWithTheFieldNamed() {
        String token = clientToken();
        String body = order(uniqueId(), "invoice");
        refused(token, body.replace("\"paymentMethod\":\"invoice\"", "\"paymentMethod\":\"invoice\",\"paymentMethod\":\"nexi\""),
                "paymentMethod");
        refused(token, withLastName("\"Nordmann\",\"lastName\":\"Hansen\""), "lastName");
    }

    /**
     * Found by the outside attack of 2026-12-08: what follows the JSON body was ignored, so of
     * {@code {…}{"paymentMethod":"nexi"}} the first document won. One body is one JSON value.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"paymentMethod\":\"nexi\"}", "garbage", "]"})
    void contentAfterTheJsonBodyIsRefused(String after) {
        refused(clientToken(), order(uniqueId(), "invoice").strip() + after, "the body goes on after its JSON value");
    }

    /**
     * Found by the outside attack of 2026-12-08: fractions were cut to whole numbers
     * ({@code "quantity":1.9} was 1, Complete order {@code {"orderId":211879241156868.4}} completed
     * order 211879241156868), and {@code "isSendMessage":1} was read as true.
     */
    @Test
    void aFractionIsNoWholeNumberAndANumberIsNoTrueOrFalse() {
        String token = clientToken();
        String body = order(uniqueId(), "invoice");
        refused(token, body.replace("\"quantity\":1,", "\"quantity\":1.9,"), "orderLines[0].quantity must be a whole number");
        refused(token, body.replace("\"productSpecNo\":1,", "\"productSpecNo\":1.7,"),
                "orderLines[0].productSpecNo must be a whole number");
        api(token).body("{\"orderId\":211879241156868.4}").when().post("/capi/v1/client/order/fulfillment")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", containsString("orderId must be a whole number"));
        api(token).body("{\"credential\":\"x@example.no\",\"isSendMessage\":1}").when().post("/capi/v1/client/order/1/user")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", containsString("isSendMessage must be true or false"));
    }

    private static final String HUGE_NAME = "n".repeat(200_000);

    private static io.restassured.response.Response post(String token, String contentType, String path, String body) {
        return given().header("Authorization", "Bearer " + token).contentType(contentType).accept("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post(path);
    }

    /** Bodies whose refusal used to echo a name the client chose, however long. */
    static Stream<Arguments> hugeNames() {
        String order = order(uniqueId(), "invoice");
        String forty = HUGE_NAME.substring(0, 40_000);
        return Stream.of(
                Arguments.of("JSON name longer than the parser reads", "application/json", "/capi/v1/client/order",
                        "{\"" + HUGE_NAME + "\":1}"),
                Arguments.of("JSON name sent twice", "application/json", "/capi/v1/client/order",
                        "{\"" + forty + "\":1,\"" + forty + "\":2}"),
                Arguments.of("JSON name before a syntax error", "application/json", "/capi/v1/client/order",
                        order.replace("\"currency\"", "\"" + forty + "\":[},\"currency\"")),
                Arguments.of("XML element closed by another", "application/xml", "/capi/v1/client/order",
                        "<data><" + HUGE_NAME + ">1</data>"),
                Arguments.of("XML element inside a known one", "application/xml", "/capi/v1/client/order",
                        "<data><payer><" + HUGE_NAME + ">1</payer></data>"),
                Arguments.of("unknown coupon code", "application/json", "/capi/v1/client/coupon/price",
                        "{\"couponCode\":\"" + HUGE_NAME + "\",\"couponNumber\":1}"));
    }

    /**
     * Found by the second outside attack: an unknown element name of 200 000 characters came back
     * whole in the error body (228 KB). Echoed client text is cut to 64 characters and "…"; the body
     * stays the documented one and small.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeNames")
    void echoedNamesAreCutShort(String what, String contentType, String path, String body) {
        String answer = post(clientToken(), contentType, path, body)
                .then().statusCode(400).contentType(org.hamcrest.Matchers.startsWith("application/json"))
                .body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", not(containsString("n".repeat(65))))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(answer.length() < 2048, what + ": " + answer.length() + " characters");
    }

    /**
     * Found by the second outside attack: a body nested 5000 levels deep was "not a JSON object" or
     * "a value of the wrong kind"; it names the limit.
     */
    @Test
    void aBodyNestedTooDeeplySaysSo() {
        String token = clientToken();
        for (String name : new String[] {"payer", "unknown"}) {
            post(token, "application/json", "/capi/v1/client/order",
                    ("{\"" + name + "\":").repeat(5000) + "1" + "}".repeat(5000))
                    .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                    .body("errorMessage", equalTo("Malformed JSON: nested too deeply (at most 1000 levels)"));
            post(token, "application/xml", "/capi/v1/client/order",
                    "<data>" + ("<" + name + ">").repeat(5000) + ("</" + name + ">").repeat(5000) + "</data>")
                    .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                    .body("errorMessage", equalTo("Malformed XML: nested too deeply (at most 1000 levels)"));
        }
    }

    /** A name longer than the JSON parser reads was "not a JSON object"; it names the limits. */
    @Test
    void aNameLongerThanTheParserReadsSaysSo() {
        post(clientToken(), "application/json", "/capi/v1/client/order", "{\"" + HUGE_NAME + "\":1}")
                .then().statusCode(400).body("errorMessage", equalTo("Malformed JSON: a name or number is longer than"
                        + " this API reads (names at most 50000 characters, numbers at most 1000 digits)"));
    }

    /** Found by the second outside attack: a number too large for its field was "a value of the wrong kind". */
    @ParameterizedTest
    @ValueSource(strings = {"1e400", "99999999999999999999999", "-1e400"})
    void aNumberOutOfRangeSaysSoAndNamesTheField(String number) {
        String token = clientToken();
        post(token, "application/json", "/capi/v1/client/order/fulfillment", "{\"orderId\":" + number + "}")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", startsWith("Malformed JSON: number out of range for orderId"));
        post(token, "application/json", "/capi/v1/client/order",
                order(uniqueId(), "invoice").replace("\"productSpecNo\":1", "\"productSpecNo\":" + number))
                .then().statusCode(400)
                .body("errorMessage", startsWith("Malformed JSON: number out of range for orderLines[0].productSpecNo"));
    }

    /** JSON escapes that decode to a NUL, another control character, a lone surrogate or a noncharacter. */
    @ParameterizedTest
    @ValueSource(strings = {"\"T\\u0000X\"", "\"\\ud800\"", "\"Nord\\udc00mann\"", "\"a\\u0007b\"", "\"a\\u009fb\"",
        "\"\\uffff\""})
    void controlCharactersAndLoneSurrogatesAreRefusedAndNothingIsStored(String lastName) {
        String token = clientToken();
        String external = uniqueId();
        refused(token, withLastName(lastName).replaceFirst("\"externalOrderId\":\"[^\"]+\"",
                "\"externalOrderId\":\"" + external + "\""), "payer.lastName");
        // Nothing was stored: the same externalOrderId now makes a new order, with the valid name.
        long orderId = register(token, order(external, "invoice"));
        long customer = api(token).when().get("/capi/v1/client/order/status/" + orderId)
                .then().extract().jsonPath().getLong("orders[0].customerNumber");
        api(token).when().get("/capi/v1/client/customer/info/" + customer)
                .then().statusCode(200).body("name.lastName", equalTo("Nordmann"));
    }

    /** Raw bytes: FF FE is no UTF-8; a raw control byte inside a string is no JSON. Both name the field. */
    @Test
    void bytesThatAreNotUtf8TextAreRefusedWithTheFieldNamed() {
        String token = clientToken();
        for (byte[] bad : List.of(new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xc3},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {0x01})) {
            String[] parts = withLastName("\"N@@\"").split("@@");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bad);
            body.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
            given().config(RestAssured.config().encoderConfig(
                    EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .header("Authorization", "Bearer " + token).contentType("application/json").accept("application/json")
                    .body(body.toByteArray()).when().post("/capi/v1/client/order")
                    .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                    .body("errorMessage", containsString("payer.lastName"));
        }
    }

    /**
     * Assign user sends mail to the credential: an address the mailer must not send to is refused,
     * the order stays unassigned, and a real address can then be assigned.
     */
    @ParameterizedTest
    @ValueSource(strings = {"x\\u0000y@example.no", "a@[127.0.0.1]", "a@b.c\\ud800", "a@localhost",
        "kari <kari@example.no>"})
    void assignUserRefusesAddressesNoMailMayGoTo(String credential) {
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        String url = "/capi/v1/client/order/" + orderId + "/user";
        String body = """
                {"credential":"%s","isSendMessage":true,"returnUrl":"%s","overrideClientId":"%s"}""";
        String returnUrl = RestAssured.baseURI + ":" + RestAssured.port + "/checkout/done";
        api(token).body(body.formatted(credential, returnUrl, CidTestSupport.CLIENT)).when().post(url)
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", containsString("credential"));
        api(token).body(body.formatted(uniqueId() + "@example.no", returnUrl, CidTestSupport.CLIENT)).when().post(url)
                .then().statusCode(200).body("isNewUser", equalTo(true));
    }

    static Stream<Arguments> overLong() {
        String order = order(uniqueId(), "invoice");
        return Stream.of(
                Arguments.of("payer.lastName", order.replace("\"Nordmann\"", "\"" + LONG + "\"")),
                Arguments.of("payer.firstName", order.replace("\"Ola\"", "\"" + LONG + "\"")),
                Arguments.of("payer.companyName", order.replace("\"firstName\"", "\"companyName\":\"" + LONG + "\",\"firstName\"")),
                Arguments.of("payer.street", order.replace("\"Gate\"", "\"" + LONG + "\"")),
                Arguments.of("payer.streetNumber", order.replace("\"streetNumber\":\"1\"", "\"streetNumber\":\"" + "1".repeat(21) + "\"")),
                Arguments.of("payer.postalPlace", order.replace("\"Oslo\"", "\"" + LONG + "\"")),
                Arguments.of("payer.emails[0]", order.replace("\"ola@example.com\"", "\"" + LONG + "@example.com\"")),
                Arguments.of("externalOrderId", order.replaceFirst("\"externalOrderId\":\"[^\"]+\"", "\"externalOrderId\":\"" + LONG + "\"")),
                Arguments.of("paymentMethod", order.replace("\"invoice\"", "\"" + LONG + "\"")),
                Arguments.of("currency", order.replace("\"NOK\"", "\"" + LONG + "\"")),
                Arguments.of("campaignParameters", order.replace("\"currency\"", "\"campaignParameters\":\"" + LONG + "\",\"currency\"")),
                Arguments.of("marketingCouponCode", order.replace("\"currency\"",
                        "\"marketingCouponCode\":\"" + LONG + "\",\"marketingCouponNumber\":1,\"currency\"")),
                Arguments.of("orderLines[0].productSpecCode", order.replace("\"DIGI\",\"productSpecNo\"", "\"" + LONG + "\",\"productSpecNo\"")),
                Arguments.of("orderLines[0].voucherCode", order.replace("\"quantity\":1", "\"quantity\":1,\"voucherCode\":\"" + LONG + "\"")),
                Arguments.of("orderAmount", order.replace("\"orderAmount\":299", "\"orderAmount\":1e20")),
                Arguments.of("orderAmount", order.replace("\"orderAmount\":299", "\"orderAmount\":10000000000")),
                Arguments.of("orderLines[0].unitPrice", order.replace("\"unitPrice\":299", "\"unitPrice\":12345678901.5")),
                Arguments.of("the total of orderLines", order.replace("\"orderAmount\":299,", "")
                        .replace("\"quantity\":1", "\"quantity\":999").replace("\"unitPrice\":299", "\"unitPrice\":9999999999")),
                Arguments.of("marketingCouponNumber", order.replace("\"currency\"",
                        "\"marketingCouponCode\":\"DIGI\",\"marketingCouponNumber\":10000000000,\"currency\"")),
                Arguments.of("orderLines[0].productSpecNo", order.replace("\"productSpecNo\":1", "\"productSpecNo\":99999999999")));
    }

    /** Every stored field is held to its column before the database sees it; the log gets nothing of the value. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overLong")
    void overLongOrTooLargeValuesAreRefusedByNameBeforeTheDatabase(String field, String body) {
        try (ErrorLog log = ErrorLog.openWithWarnings()) {
            refused(clientToken(), body, field).body("errorMessage", not(containsString("xxxxxxxxxx")));
            List<String> aboutIt = log.lines().stream()
                    .filter(l -> l.contains("org.hibernate") || l.contains("xxxxxxxxxx") || l.contains("SQL")).toList();
            assertEquals(List.of(), aboutIt, "nothing about the refused value in the log");
        }
    }

    @Test
    void assignUserHoldsTheLinkFieldsToTheirColumns() {
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        String url = "/capi/v1/client/order/" + orderId + "/user";
        api(token).body("{\"credential\":\"x@example.no\",\"returnUrl\":\"https://localhost/" + LONG + "\"}")
                .when().post(url).then().statusCode(400).body("errorMessage", containsString("returnUrl"));
        api(token).body("{\"credential\":\"x@example.no\",\"errorUrl\":\"https://localhost/" + LONG + "\"}")
                .when().post(url).then().statusCode(400).body("errorMessage", containsString("errorUrl"));
        api(token).body("{\"credential\":\"x@example.no\",\"overrideClientId\":\"" + LONG + "\"}")
                .when().post(url).then().statusCode(400).body("errorMessage", containsString("overrideClientId"));
    }
}
