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
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.connectid.api.EpochMillis;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What published ConnectID clients send and expect (connectid-api.md "Evidence from published client
 * code"; issue 13 items 1, 3–8): blank externalOrderIds, dates as ISO strings, times in whole seconds,
 * XML both ways, the documented error body for every /capi error, the generic prepaid paymentInfo and
 * Complete order for card and Klarna orders.
 */
@QuarkusTest
class WireFormatsTest {

    private static long orderId(Response response) {
        return ((Number) response.then().statusCode(200).extract().path("orderId")).longValue();
    }

    @Test
    void anEmptyOrBlankExternalOrderIdIsNoDeduplicationKey() {
        String token = clientToken();
        long earlier = register(token, order("", "invoice"));
        long second = register(token, order("", "creditcardPayex").replace("\"orderAmount\":299,", ""));
        long third = register(token, order("   ", "sms").replace("Nordmann", "Hansen"));
        assertNotEquals(earlier, second);
        assertNotEquals(earlier, third);
        assertNotEquals(second, third);
        api(token).when().get("/capi/v1/client/order/status/" + third)
                .then().statusCode(200).body("orders[0].externalOrderId", nullValue());
    }

    @Test
    void datesAreReadAsEpochMillisIsoDatesOrIsoDateTimes() {
        String token = clientToken();
        String body = order(uniqueId(), "invoice")
                .replace("\"orderDate\":1764000000000", "\"orderDate\":\"2026-11-29\"")
                .replace("\"startDate\":1764000000000", "\"startDate\":\"2026-12-01T00:00:00+01:00\"")
                .replace("\"countryCode\":\"NO\",", "\"countryCode\":\"NO\",\"birthDate\":\"1980-05-01\",");
        register(token, body);
        register(token, order(uniqueId(), "invoice").replace("\"orderDate\":1764000000000",
                "\"orderDate\":\"2026-11-29T10:15:30Z\"").replace("\"startDate\":1764000000000",
                "\"startDate\":\"1764000000000\""));
        register(token, order(uniqueId(), "invoice").replace("\"orderDate\":1764000000000",
                "\"orderDate\":\"2026-11-29T10:15:30\""));
    }

    @Test
    void aBadDateOrTypeNamesTheFieldInPlainWords() {
        String token = clientToken();
        api(token).body(order(uniqueId(), "invoice").replace("\"startDate\":1764000000000", "\"startDate\":\"soon\""))
                .when().post("/capi/v1/client/order")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", containsString("orderLines[0].startInfo.startDate must be epoch milliseconds"))
                .body("errorMessage", not(containsString("java")));
        api(token).body(order(uniqueId(), "invoice").replace("\"orderDate\":1764000000000", "\"orderDate\":\"2026-13-45\""))
                .when().post("/capi/v1/client/order")
                .then().statusCode(400).body("errorMessage", containsString("orderDate must be epoch milliseconds"));
        api(token).body(order(uniqueId(), "invoice").replace("\"quantity\":1", "\"quantity\":\"one\""))
                .when().post("/capi/v1/client/order")
                .then().statusCode(400).body("errorMessage", equalTo("Malformed JSON: orderLines[0].quantity must be a whole number"));
        api(token).body(order(uniqueId(), "invoice").replace("\"emails\":[\"ola@example.com\"]", "\"emails\":{\"a\":1}"))
                .when().post("/capi/v1/client/order")
                .then().statusCode(400).body("errorMessage", containsString("payer.emails must be a list"))
                .body("errorMessage", not(containsString("java")));
    }

    /**
     * Dates outside 1900–9999 are refused the same way in every form and every date field, with
     * the field named (outside attack on issue 13, finding 12c: {@code Long.MIN_VALUE} and
     * {@code "0001-01-01"} were accepted as order dates).
     */
    @ParameterizedTest
    @ValueSource(strings = {"-9223372036854775808", "9223372036854775807", "\"0001-01-01\"", "\"1899-12-31\"",
        "\"1899-12-31T12:00:00Z\"", "-2208992400001", "253402300800000", "\"-62135596800000\"", "-1e18"})
    void datesOutOfASaneRangeAreRefusedWithTheFieldNamed(String date) {
        String token = clientToken();
        for (String field : List.of("orderDate", "startDate")) {
            api(token).body(order(uniqueId(), "invoice").replace("\"" + field + "\":1764000000000",
                    "\"" + field + "\":" + date))
                    .when().post("/capi/v1/client/order")
                    .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                    .body("errorMessage", containsString(field + " must be"))
                    .body("errorMessage", containsString("from 1900 to 9999"));
        }
        api(token).body(order(uniqueId(), "invoice").replace("\"countryCode\":\"NO\",",
                "\"countryCode\":\"NO\",\"birthDate\":" + date + ","))
                .when().post("/capi/v1/client/order")
                .then().statusCode(400).body("errorMessage", containsString("payer.birthDate must be"));
    }

    @Test
    void theEdgesOfTheSaneRangeAreAccepted() {
        String token = clientToken();
        register(token, order(uniqueId(), "invoice").replace("\"orderDate\":1764000000000",
                "\"orderDate\":\"1900-01-01\""));
        register(token, order(uniqueId(), "invoice").replace("\"orderDate\":1764000000000",
                "\"orderDate\":" + EpochMillis.SMALLEST));
        register(token, order(uniqueId(), "invoice").replace("\"orderDate\":1764000000000",
                "\"orderDate\":\"9999-12-31T23:59:59Z\""));
    }

    @Test
    void everyTimeServedIsInWholeSeconds() {
        String token = clientToken();
        for (int i = 0; i < 5; i++) {
            long id = register(token, order(uniqueId(), "invoice"));
            long orderTime = ((Number) api(token).when().get("/capi/v1/client/order/status/" + id)
                    .then().statusCode(200).extract().path("orders[0].orderTime")).longValue();
            assertEquals(0, orderTime % 1000, "orderTime " + orderTime);
        }
        List<Number> times = api(token).when().get("/capi/v1/client/coupon/DIGI")
                .then().statusCode(200).extract().path("coupons.collect { [it.startTime, it.endTime] }.flatten()");
        times.stream().filter(java.util.Objects::nonNull)
                .forEach(t -> assertEquals(0, t.longValue() % 1000, "coupon time " + t));
    }

    /**
     * Found by the outside attack of 2026-12-08: a repeated single-value element was read as its
     * last value (what a client logged and what was stored could differ, as with a JSON name sent
     * twice) and attributes were read as fields. Both are refused naming the element; repeated
     * items of a list stay how XML writes lists.
     */
    @Test
    void xmlRefusesARepeatedSingleValueAndAttributes() {
        String token = clientToken();
        String xml = """
                <data><externalOrderId>%s</externalOrderId><orderDate>2026-11-29</orderDate>
                <paymentMethod>invoice</paymentMethod><orderAmount>299</orderAmount><currency>NOK</currency>
                <payer><firstName>Ola</firstName><lastName>Nordmann</lastName><postalCode>0150</postalCode>
                <emails><email>ola@example.com</email><email>kari@example.com</email></emails></payer>
                <orderLines><orderLine><productSpecType>coupon</productSpecType><productSpecCode>DIGI</productSpecCode>
                <productSpecNo>1</productSpecNo><quantity>1</quantity>
                <startInfo><startDate>1764000000000</startDate></startInfo></orderLine></orderLines></data>
                """.formatted(uniqueId());
        xmlOrder(token, xml).then().statusCode(200);
        String twice = xml.replace("<paymentMethod>invoice</paymentMethod>",
                "<paymentMethod>invoice</paymentMethod><paymentMethod>nexi</paymentMethod>").replace(
                "<externalOrderId>", "<externalOrderId>x");
        xmlOrder(token, twice).then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", equalTo("Malformed XML: paymentMethod is sent twice"));
        xmlOrder(token, twice.replace("<paymentMethod>nexi</paymentMethod>", "")
                .replace("<lastName>Nordmann</lastName>", "<lastName>Nordmann</lastName><lastName>Hansen</lastName>"))
                .then().statusCode(400).body("errorMessage", equalTo("Malformed XML: payer.lastName is sent twice"));
        xmlOrder(token, xml.replace("<data>", "<data paymentMethod=\"nexi\">").replace("<externalOrderId>", "<externalOrderId>y"))
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", equalTo("Malformed XML: <data> has an attribute (paymentMethod);"
                        + " send each field as an element"));
    }

    private static io.restassured.response.Response xmlOrder(String token, String xml) {
        return given().header("Authorization", "Bearer " + token).contentType("application/xml;charset=UTF-8")
                .accept(ContentType.JSON).body(xml).when().post("/capi/v1/client/order");
    }

    /** As in JSON (outside attack of 2026-12-08): a fraction is no whole number, a number no true or false. */
    @Test
    void xmlRefusesFractionsForWholeNumbersAndNumbersForTrueOrFalse() {
        String token = clientToken();
        given().header("Authorization", "Bearer " + token).contentType("application/xml").accept(ContentType.JSON)
                .body("<data><orderId>211879241156868.4</orderId></data>").when().post("/capi/v1/client/order/fulfillment")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", containsString("orderId must be a whole number"));
        given().header("Authorization", "Bearer " + token).contentType("application/xml").accept(ContentType.JSON)
                .body("<data><credential>x@example.no</credential><isSendMessage>1</isSendMessage></data>")
                .when().post("/capi/v1/client/order/1/user")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", containsString("isSendMessage must be true or false"));
    }

    @Test
    void theOrderApiSpeaksXmlBothWaysAndJsonByDefault() {
        String token = clientToken();
        String external = uniqueId();
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <data><externalOrderId>%s</externalOrderId><orderDate>2026-11-29</orderDate>
                <paymentMethod>invoice</paymentMethod><orderAmount>299</orderAmount><currency>NOK</currency>
                <payer><firstName>Ola</firstName><lastName>Nordmann</lastName><postalCode>0150</postalCode>
                <emails><email>ola@example.com</email></emails></payer>
                <orderLines><orderLine><productSpecType>coupon</productSpecType><productSpecCode>DIGI</productSpecCode>
                <productSpecNo>1</productSpecNo><quantity>1</quantity>
                <startInfo><startDate>1764000000000</startDate></startInfo></orderLine></orderLines></data>
                """.formatted(external);
        String answer = given().header("Authorization", "Bearer " + token)
                .contentType("application/xml;charset=UTF-8").accept(ContentType.XML).body(xml)
                .when().post("/capi/v1/client/order")
                .then().statusCode(200).contentType(startsWith("application/xml")).extract().asString();
        XmlPath reply = new XmlPath(answer);
        assertEquals("data", reply.getString("data.name()"));
        long id = reply.getLong("data.orderId");
        XmlPath status = new XmlPath(given().header("Authorization", "Bearer " + token).accept(ContentType.XML)
                .when().get("/capi/v1/client/order/status/" + id)
                .then().statusCode(200).contentType(startsWith("application/xml")).extract().asString());
        // A list is one wrapper named as in JSON around one element per item (finding 9: it was <orders><orders>).
        assertEquals(external, status.getString("data.orders.order.externalOrderId"));
        assertEquals("preliminary", status.getString("data.orders.order.orderStatus"));
        assertEquals(1, status.getInt("data.orders.children().size()"));
        // No DTDs: an external entity is never resolved, the body is refused.
        given().header("Authorization", "Bearer " + token).contentType(ContentType.XML)
                .body("<?xml version=\"1.0\"?><!DOCTYPE data [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + xml.substring(xml.indexOf("<data>")).replace(external, "&x;"))
                .when().post("/capi/v1/client/order")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", not(containsString("root:")));
        // A DOCTYPE of any kind is refused by the parser (finding 9: an external DTD or an internal
        // parameter entity before a valid order was read as if it were not there).
        String body = xml.substring(xml.indexOf("<data>"));
        for (String doctype : new String[] {"<!DOCTYPE data SYSTEM \"http://127.0.0.1:8199/evil.dtd\">",
                "<!DOCTYPE data [<!ENTITY % p \"x\">]>", "<!DOCTYPE data>"}) {
            given().header("Authorization", "Bearer " + token).contentType(ContentType.XML)
                    .body("<?xml version=\"1.0\"?>" + doctype + body.replace(external, uniqueId()))
                    .when().post("/capi/v1/client/order")
                    .then().statusCode(400).contentType(startsWith("application/json"))
                    .body("exceptionType", equalTo("ValidationException"))
                    .body("errorMessage", containsString("DOCTYPE"));
        }
        // text/xml is XML too, asked for or sent.
        given().header("Authorization", "Bearer " + token).accept("text/xml")
                .when().get("/capi/v1/client/order/status/" + id)
                .then().statusCode(200).contentType(startsWith("text/xml")).body(startsWith("<"));
        // An XML request that names no preference (no Accept, or */*) is answered in XML (notes §0).
        String again = body.replace(external, uniqueId());
        given().header("Authorization", "Bearer " + token).contentType("text/xml").accept("*/*").body(again)
                .when().post("/capi/v1/client/order")
                .then().statusCode(200).contentType(startsWith("text/xml"));
        byte[] bytes = body.replace(external, uniqueId()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String bare = CidTestSupport.raw("POST /capi/v1/client/order HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token + "\r\nContent-Type: application/xml;charset=UTF-8\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close", bytes);
        assertTrue(bare.startsWith("HTTP/1.1 200"), bare);
        assertTrue(bare.toLowerCase().contains("content-type: application/xml"), bare);
        assertTrue(bare.contains("<orderId>"), bare);
        // A request without a body and without Accept, or with Accept: */*: JSON, the default.
        given().header("Authorization", "Bearer " + token).when().get("/capi/v1/client/order/status/" + id)
                .then().statusCode(200).contentType(startsWith("application/json")).body("orders[0].orderId", equalTo(id));
        given().header("Authorization", "Bearer " + token).accept("*/*").when().get("/capi/v1/client/coupon/DIGI")
                .then().statusCode(200).contentType(startsWith("application/json"));
        // A broken XML body: the documented error body.
        given().header("Authorization", "Bearer " + token).contentType(ContentType.XML).accept(ContentType.XML)
                .body("<data><paymentMethod>invoice</data>").when().post("/capi/v1/client/order")
                .then().statusCode(400).contentType(startsWith("application/json"))
                .body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", startsWith("Malformed XML"));
    }

    private static final String LATIN1_ORDER = """
            <?xml version="1.0" encoding="%s"?>
            <data><externalOrderId>%s</externalOrderId><orderDate>2026-11-29</orderDate>
            <paymentMethod>invoice</paymentMethod><orderAmount>299</orderAmount><currency>NOK</currency>
            <payer><firstName>Ola</firstName><lastName>Bj\u00f8rnstad</lastName><postalCode>0150</postalCode>
            <emails><email>ola@example.com</email></emails></payer>
            <orderLines><orderLine><productSpecType>coupon</productSpecType><productSpecCode>DIGI</productSpecCode>
            <productSpecNo>1</productSpecNo><quantity>1</quantity>
            <startInfo><startDate>1764000000000</startDate></startInfo></orderLine></orderLines></data>
            """;

    /** Posts {@code body} with exactly {@code contentType} (no charset added by the client library). */
    private static Response postXml(String token, String contentType, byte[] body) {
        return given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                        .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", "Bearer " + token).contentType(contentType).accept(ContentType.JSON)
                .body(body).when().post("/capi/v1/client/order");
    }

    private static String storedLastName(String token, long orderId) {
        long customer = api(token).when().get("/capi/v1/client/order/status/" + orderId)
                .then().statusCode(200).extract().jsonPath().getLong("orders[0].customerNumber");
        return api(token).when().get("/capi/v1/client/customer/info/" + customer)
                .then().statusCode(200).extract().path("name.lastName");
    }

    /**
     * Found by the second outside attack: XML whose declaration says ISO-8859-1, in ISO-8859-1 bytes,
     * sent without a charset parameter, was refused as "not UTF-8". RFC 7303 §3.2 and XML 1.0 §4.3.3:
     * without a charset parameter the byte order mark, then the XML declaration, decide (UTF-8 when
     * neither names one); a charset parameter, when there is one, wins over the declaration.
     */
    @Test
    void xmlWithoutACharsetParameterIsReadInTheEncodingItsDeclarationNames() {
        String token = clientToken();
        for (String type : new String[] {"application/xml", "text/xml"}) {
            byte[] latin1 = LATIN1_ORDER.formatted("ISO-8859-1", uniqueId()).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            long id = orderId(postXml(token, type, latin1));
            assertEquals("Bj\u00f8rnstad", storedLastName(token, id), type);
        }
        // A byte order mark decides too: UTF-16 with its BOM.
        byte[] utf16 = LATIN1_ORDER.formatted("UTF-16", uniqueId()).getBytes(java.nio.charset.StandardCharsets.UTF_16);
        assertEquals("Bj\u00f8rnstad", storedLastName(token, orderId(postXml(token, "application/xml", utf16))));
        // A charset parameter wins over the declaration: UTF-8 bytes declared ISO-8859-1 are read as UTF-8.
        byte[] utf8 = LATIN1_ORDER.formatted("ISO-8859-1", uniqueId()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("Bj\u00f8rnstad", storedLastName(token, orderId(postXml(token, "application/xml;charset=UTF-8", utf8))));
        // An encoding this server does not know: the documented 400, not a 5xx.
        byte[] unknown = LATIN1_ORDER.formatted("x-no-such-encoding", uniqueId()).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        postXml(token, "application/xml", unknown).then().statusCode(400).contentType(startsWith("application/json"))
                .body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", equalTo("Malformed XML: the encoding its XML declaration names is not supported"));
    }

    /**
     * Our choice, as documented: a body of any type but XML is read as JSON (old clients send JSON
     * under other types), and only multipart is refused (415). Found by the second outside attack:
     * the 415 said the body "must be application/json or application/xml", which text/plain bodies
     * read as JSON contradicted, and a text/plain body that was no JSON did not say it was read as JSON.
     */
    @Test
    void aBodyOfAnotherTypeIsReadAsJsonAndMessagesSaySo() {
        String token = clientToken();
        long id = orderId(given().header("Authorization", "Bearer " + token).contentType("text/plain")
                .accept(ContentType.JSON).body(order(uniqueId(), "invoice")).when().post("/capi/v1/client/order"));
        assertTrue(id > 0);
        given().header("Authorization", "Bearer " + token).contentType("text/plain").accept(ContentType.JSON)
                .body("hello").when().post("/capi/v1/client/order")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", startsWith("Malformed JSON: unreadable at line 1"))
                .body("errorMessage", org.hamcrest.Matchers.endsWith("(a text/plain body is read as JSON)"));
        given().header("Authorization", "Bearer " + token).accept(ContentType.JSON)
                .multiPart("x", "y").when().post("/capi/v1/client/order")
                .then().statusCode(415).body("exceptionType", equalTo("UnsupportedMediaTypeException"))
                .body("errorMessage", equalTo("A multipart body is not accepted: send JSON, or XML as application/xml"
                        + " or text/xml"));
    }

    @Test
    void everyCapiErrorIsTheDocumentedBodyWhateverTheAccept() {
        String token = clientToken();
        for (String accept : new String[] {"text/html", "text/html,application/xhtml+xml,*/*;q=0.8", "*/*"}) {
            given().accept(accept).when().get("/capi/v1/no/such/endpoint")
                    .then().statusCode(404).contentType(startsWith("application/json"))
                    .body("exceptionType", equalTo("NotFoundException")).body("errorMessage", containsString("/capi/v1/no"));
            for (String unknown : new String[] {"/capi/nothing", "/capi"}) {
                given().accept(accept).when().post(unknown)
                        .then().statusCode(404).contentType(startsWith("application/json"))
                        .body("exceptionType", equalTo("NotFoundException"));
            }
            given().header("Authorization", "Bearer " + token).accept(accept).when().get("/capi/v1/client/order")
                    .then().statusCode(405).contentType(startsWith("application/json"))
                    .body("exceptionType", equalTo("MethodNotAllowedException"));
            // An Accept the API cannot serve (text/html alone) gets its default, JSON: the body is read and refused (400).
            given().header("Authorization", "Bearer " + token).accept(accept).contentType(ContentType.JSON)
                    .body("{\"orderId\":").when().post("/capi/v1/client/order/fulfillment")
                    .then().statusCode(400).contentType(startsWith("application/json"))
                    .body("exceptionType", equalTo("ValidationException"));
        }
        // Found by the outside attack: a 406 decided before authentication hid the 401 a client needed.
        given().accept("text/html").when().get("/capi/v1/client/coupon/DIGI")
                .then().statusCode(401).contentType(startsWith("application/json"));
        given().header("Authorization", "Bearer " + token).accept("text/html")
                .when().get("/capi/v1/client/coupon/DIGI")
                .then().statusCode(200).contentType(startsWith("application/json"));
        given().header("Authorization", "Bearer " + token).accept(ContentType.JSON)
                .multiPart("x", "y").when().post("/capi/v1/client/order")
                .then().statusCode(415).contentType(startsWith("application/json"))
                .body("exceptionType", equalTo("UnsupportedMediaTypeException"));
    }

    @Test
    void completeOrderCompletesCardAndKlarnaOrdersAsTheReferenceLists() {
        String token = clientToken();
        for (String method : new String[] {"creditcardPayex", "kco"}) {
            long id = register(token, order(uniqueId(), method));
            api(token).body("{\"orderId\":" + id + "}").when().post("/capi/v1/client/order/fulfillment")
                    .then().statusCode(200).body("fulfillmentStatus", equalTo("OK")).body("orderId", equalTo(id));
            api(token).when().get("/capi/v1/client/order/status/" + id)
                    .then().statusCode(200).body("orders[0].orderStatus", equalTo("completed"));
        }
    }

    @Test
    void aPrepaidOrderWithTheGenericPaymentInfoIsVerifiedAndAccepted() {
        String paymentId = given().header("Authorization", "Bearer psp_test_demo_key")
                .header("Idempotency-Key", uniqueId()).contentType(ContentType.JSON)
                .body("""
                        {"reference":"%s","amount":{"value":29900,"currency":"NOK"},"description":"Digital – monthly",
                         "method":"card","returnUrl":"http://localhost/back"}""".formatted(uniqueId()))
                .when().post("/psp/v1/payments").then().statusCode(201).extract().path("paymentId");
        String pagePath = "/psp/pay/" + paymentId;
        Response page = given().redirects().follow(false).when().get(pagePath);
        BrowserLogin.postForm(page, pagePath + "/card",
                Map.of("cardNumber", "4111 1111 1111 1111", "expiry", "12/39", "cvc", "123")).then().statusCode(303);
        // The old generic form: no provider, amount or currency; cardNumberMasked as older clients name it.
        String body = order(uniqueId(), "creditcardPayex").replace("\"currency\":\"NOK\"",
                "\"currency\":\"NOK\",\"prepaid\":true,\"paymentInfo\":{\"transactionId\":\"" + paymentId
                        + "\",\"cardNumberMasked\":\"411111******1111\",\"expMonth\":12,\"expYear\":2039}");
        String token = clientToken();
        long id = orderId(api(token).body(body).when().post("/capi/v1/client/order"));
        api(token).body("{\"orderId\":" + id + "}").when().post("/capi/v1/client/order/fulfillment")
                .then().statusCode(200).body("fulfillmentStatus", equalTo("OK"));
        // Two payment-info objects at once are refused.
        api(token).body(body.replaceFirst("\"externalOrderId\":\"[^\"]*\"", "\"externalOrderId\":\"" + uniqueId() + "\"")
                        .replace("\"paymentInfo\":{", "\"paymentInfoOther\":{\"transactionId\":\"x\"},\"paymentInfo\":{"))
                .when().post("/capi/v1/client/order")
                .then().statusCode(400).body("errorMessage", containsString("only one of"));
        assertTrue(id > 0);
    }
}
