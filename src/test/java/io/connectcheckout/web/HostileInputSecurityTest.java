package io.connectcheckout.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.testing.ConnectIdProbe;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input, generated: empty, oversized, control characters, invalid UTF-8, wrong JSON types,
 * broken JSON and 1 MB bodies, against every form of the checkout and the sandboxes' JSON
 * endpoints. The answer is always a 4xx (or a redirect back to the form) — never a 5xx.
 * The generator is seeded, so a failure names the exact input that caused it.
 */
@QuarkusTest
class HostileInputSecurityTest {

    private static final long SEED = 20261128L;
    private static final int CASES = 60;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Strings a hostile client might send in any field. */
    static List<String> hostileStrings(Random random, int count) {
        List<String> fixed = List.of("", " ", "\u0000", "\u0007\u001b[31m", "a\r\nSet-Cookie: x=y", "\uFEFF\u200B",
                "\uD800", "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}", "{{7*7}}", "%00%ff",
                "x".repeat(10_000), "ø".repeat(3000), "-1", "1e309", "NaN", "[]", "{}", "null", "true");
        List<String> out = new ArrayList<>(fixed);
        String alphabet = "aZ09 <>\"'&;%{}[]\\/\u0000\u0001\u007f\u00e6\u00f8\u00e5\u202e\uffff\ud83d\ude00";
        while (out.size() < count) {
            int length = random.nextInt(4) == 0 ? 2000 + random.nextInt(6000) : random.nextInt(40);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out.add(s.toString());
        }
        return out;
    }

    /** JSON bodies that are broken, of the wrong types, or huge. */
    static List<String> hostileJson(Random random, int count) {
        List<String> out = new ArrayList<>(List.of("", "{", "[]", "null", "\"text\"", "{\"a\":", "{}}",
                "{\"orderAmount\":\"abc\"}", "{\"orderLines\":{}}", "{\"amount\":{\"value\":1e400,\"currency\":7}}",
                "{\"payer\":[1,2,3]}", "[".repeat(5000) + "]".repeat(5000),
                "{\"x\":\"" + "y".repeat(1_100_000) + "\"}"));
        for (String s : hostileStrings(random, count - out.size())) {
            String escaped = s.replace("\\", "\\\\").replace("\"", "\\\"");
            out.add(random.nextBoolean() ? "{\"externalOrderId\":\"" + escaped + "\",\"orderAmount\":\"" + escaped + "\"}"
                    : "{\"reference\":\"" + escaped + "\",\"amount\":{\"value\":\"" + escaped + "\"}}");
        }
        return out;
    }

    private static void assertNo5xx(String what, String input, Response response) {
        int status = response.statusCode();
        String shown = input.length() > 80 ? input.substring(0, 80) + "…(" + input.length() + " chars)" : input;
        assertTrue(status < 500, what + " answered " + status + " for input " + shown.replace("\u0000", "\\0"));
    }

    @Test
    void checkoutFormsNeverAnswer5xx() {
        Random random = new Random(SEED);
        Shopper shopper = new Shopper();
        shopper.open("/checkout/demo/print-weekend");
        String csrf = shopper.page().document().selectFirst("input[name='csrf-token']").attr("value");
        String[] fields = {"firstName", "lastName", "email", "mobile", "postalCode", "street", "city", "terms",
            "paymentOption"};
        shopper.submitAndFollow("form[action='/checkout/demo/print-weekend']", Map.of("paymentOption", "invoice"),
                "mode=guest");
        for (String hostile : hostileStrings(random, CASES)) {
            postForm("start", hostile, () -> given().cookies(shopper.cookies()).redirects().follow(false)
                    .formParam("csrf-token", csrf).formParam("paymentOption", hostile).formParam("mode", hostile)
                    .when().post("/checkout/demo/print-weekend"));
            var details = given().cookies(shopper.cookies()).redirects().follow(false).formParam("csrf-token", csrf);
            for (String field : fields) {
                details.formParam(field, random.nextBoolean() ? hostile : "x");
            }
            postForm("details", hostile, () -> details.when().post("/checkout/details"));
            String segment = java.net.URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20");
            postForm("offer path", hostile, () -> given().redirects().follow(false).urlEncodingEnabled(false)
                    .when().get(Shopper.absolute("/checkout/demo/" + segment)));
        }
    }

    @Test
    void invalidUtf8AndHugeFormsAreRefusedCleanly() throws Exception {
        Shopper shopper = new Shopper();
        shopper.open("/checkout/demo/digital-month");
        String csrf = shopper.page().document().selectFirst("input[name='csrf-token']").attr("value");
        byte[][] bodies = {
            ("csrf-token=" + csrf + "&firstName=%C3%28&lastName=%FF%FE").getBytes(StandardCharsets.US_ASCII),
            concat(("csrf-token=" + csrf + "&firstName=").getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}),
            ("csrf-token=" + csrf + "&firstName=" + "a".repeat(1_100_000)).getBytes(StandardCharsets.US_ASCII),
            ("%%%&&&===").getBytes(StandardCharsets.US_ASCII),
        };
        for (byte[] body : bodies) {
            for (String path : List.of("/checkout/demo/digital-month", "/checkout/details", "/checkout/confirm")) {
                // Raw bytes, as a broken client would send them (RestAssured would re-encode a form).
                String cookie = shopper.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .reduce((x, y) -> x + "; " + y).orElse("");
                HttpRequest request = HttpRequest.newBuilder(URI.create(Shopper.absolute(path)))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                int status;
                try {
                    status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (java.io.IOException closedEarly) {
                    // Over the 1 MB limit the server may answer 413 and close before reading it all.
                    assertTrue(body.length > 1_000_000, path + " dropped the connection for a small body");
                    continue;
                }
                String shown = new String(body, 0, Math.min(body.length, 80), StandardCharsets.ISO_8859_1);
                assertTrue(status < 500, path + " answered " + status + " for " + shown);
            }
        }
    }

    @Test
    void jsonApisAnswerTheirErrorBodiesNever5xx() {
        Random random = new Random(SEED + 1);
        String clientToken = ConnectIdProbe.clientToken();
        for (String body : hostileJson(random, CASES)) {
            postForm("register order", body, () -> given().auth().oauth2(clientToken).contentType("application/json")
                    .body(body).when().post("/capi/v1/client/order"));
            postForm("coupon price", body, () -> given().auth().oauth2(clientToken).contentType("application/json")
                    .body(body).when().post("/capi/v1/client/coupon/price"));
            postForm("complete order", body, () -> given().auth().oauth2(clientToken).contentType("application/json")
                    .body(body).when().post("/capi/v1/client/order/fulfillment"));
            postForm("assign user", body, () -> given().auth().oauth2(clientToken).contentType("application/json")
                    .body(body).when().post("/capi/v1/client/order/1/user"));
            postForm("create payment", body, () -> given().auth().oauth2("psp_test_demo_key")
                    .header("Idempotency-Key", "hostile-" + body.hashCode()).contentType("application/json")
                    .body(body).when().post("/psp/v1/payments"));
        }
        for (String hostile : hostileStrings(random, CASES)) {
            postForm("token endpoint", hostile, () -> given().contentType("application/x-www-form-urlencoded")
                    .formParam("grant_type", hostile).formParam("client_id", hostile).formParam("client_secret", hostile)
                    .formParam("code", hostile).when().post("/user/oauth/token"));
            postForm("bearer", hostile, () -> given().header("Authorization", "Bearer " + hostile.replace("\r", "").replace("\n", ""))
                    .when().get("/capi/v1/client/order/status/1"));
        }
    }

    /**
     * Sends a hostile request. A field over the 8 KB form-attribute limit (or a URL over the line limit) may make the server answer
     * and close the connection before the client has sent everything (a broken pipe on our side):
     * that is a refusal too, but only acceptable for such oversized input.
     */
    private static void postForm(String what, String input, java.util.function.Supplier<Response> post) {
        Response response;
        try {
            response = post.get();
        } catch (Exception e) {
            // RestAssured rethrows I/O failures unchecked or as they are.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            boolean closed = root instanceof java.net.SocketException || e instanceof java.net.SocketException
                    || root instanceof java.io.IOException;
            assertTrue(closed && input.getBytes(StandardCharsets.UTF_8).length > 2000,
                    what + " failed for a small input: " + e);
            return;
        }
        assertNo5xx(what, input, response);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
