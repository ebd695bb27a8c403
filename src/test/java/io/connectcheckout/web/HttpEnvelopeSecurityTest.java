package io.connectcheckout.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.checkout.CheckoutSession;
import io.connectcheckout.checkout.Step;
import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.ErrorLog;
import io.connectcheckout.testing.RawHttp;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.connectcheckout.testing.ConnectIdProbe;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The HTTP envelope — header parameters, framing, methods, paths, cookies — of every endpoint,
 * as broken clients and scanners send it: always a 4xx (or a closed connection), never a 5xx,
 * never an ERROR in the log, never a changed checkout.
 */
@QuarkusTest
class HttpEnvelopeSecurityTest {

    private static final long SEED = 20261203L;
    private static final int ROUNDS = 2;

    private static final String VALID_DETAILS = "firstName=Bj%C3%B8rn&lastName=Nordmann&email=bjorn%40example.com"
            + "&mobile=&postalCode=0150&terms=on";

    @Test
    void aFormWhoseCharsetCannotBeUsedIsRefusedAndSavesNothing() {
        for (String charset : List.of("charset='utf-8'", "charset=bogus-1", "charset=\"utf-8", "charset=",
                "charset=utf-8;charset=latin1", "charset=x".repeat(50), "charset=UTF-7")) {
            Shopper shopper = atDetails();
            Step before = Checkouts.session(shopper).step();
            String body = "csrf-token=" + csrf(shopper) + "&" + VALID_DETAILS;
            try (ErrorLog errors = ErrorLog.open()) {
                RawHttp.Answer answer = RawHttp.send(RestAssured.port, RawHttp.request("""
                        POST /checkout/details HTTP/1.1
                        Host: localhost
                        Connection: close
                        Cookie: %s
                        Content-Type: application/x-www-form-urlencoded;%s
                        Content-Length: %d""".formatted(cookieHeader(shopper), charset, body.length()),
                        body.getBytes(StandardCharsets.US_ASCII)));
                assertEquals(400, answer.status(), charset + ": " + answer.statusLine());
                errors.assertNone(charset);
            }
            CheckoutSession session = Checkouts.session(shopper);
            assertNull(session.payer().firstName(), charset + " saved the details");
            assertEquals(before, session.step(), charset);
        }
    }

    /** Found by the outside attack: what a browser or a crafted client may also send. */
    @Test
    void moreFieldsThanTheParserTakesAnUpperCaseFormTypeAndTwoCsrfCookies() {
        Shopper shopper = atDetails();
        String many = java.util.stream.IntStream.rangeClosed(1, 1001).mapToObj(i -> "a" + i + "=b")
                .collect(java.util.stream.Collectors.joining("&"));
        for (String path : List.of(Checkouts.OFFER, "/checkout/details", "/checkout/confirm")) {
            try (ErrorLog errors = ErrorLog.open()) {
                RawHttp.Answer answer = post(shopper, path, "application/x-www-form-urlencoded", many);
                assertEquals(400, answer.status(), path + " with 1001 fields: " + answer.statusLine());
                errors.assertNone(path + " with 1001 fields");
            }
        }
        assertNull(Checkouts.session(shopper).payer().firstName(), "1001 fields saved the details");

        // Media types are case-insensitive (RFC 9110 §8.3.1): an upper-case form type is a form.
        String form = shopper.hiddenFields("form[action='/checkout/details']") + "&" + VALID_DETAILS;
        RawHttp.Answer upper = post(shopper, "/checkout/details", "APPLICATION/X-WWW-FORM-URLENCODED", form);
        assertEquals(303, upper.status(), "an upper-case form type: " + upper.statusLine());
        assertTrue(Checkouts.session(shopper).payer().firstName() != null, "the upper-case form was not saved");

        // Two CSRF cookies (a sibling subdomain can add one): a page with a way on, never a blank 400.
        io.restassured.response.Response twoCookies = io.restassured.RestAssured.given().redirects().follow(false)
                .header("Cookie", "csrf-token=a; csrf-token=b").when().get("/");
        assertTrue(twoCookies.statusCode() < 500, "two CSRF cookies: " + twoCookies.statusCode());
        assertTrue(twoCookies.statusCode() == 200 || twoCookies.body().asString().contains("<a "),
                "two CSRF cookies: " + twoCookies.statusCode() + " with body '" + twoCookies.body().asString() + "'");
    }

    /**
     * Found by the outside attack: bytes that are not UTF-8 in a form value or a page's query were
     * decoded to U+FFFD and saved. Like broken percent-encoding ({@code %zz}), the request cannot be
     * read: 400 with the page, nothing saved, no ERROR. Truncated, invalid, overlong and surrogate
     * sequences, percent-encoded or raw.
     */
    @Test
    void bytesThatAreNotUtf8AreRefusedAndSaveNothing() {
        Shopper shopper = atDetails();
        String fields = shopper.hiddenFields("form[action='/checkout/details']");
        List<byte[]> bodies = new ArrayList<>();
        for (String name : List.of("%C3%28", "%FF", "Bj%C3", "%C0%AF", "%ED%A0%80", "%F8%88%80%80%80")) {
            bodies.add((fields + "&" + VALID_DETAILS.replace("Bj%C3%B8rn", name)).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] raw = (fields + "&" + VALID_DETAILS.replace("Bj%C3%B8rn", "Bj\u00FFrn")).getBytes(StandardCharsets.ISO_8859_1);
        bodies.add(raw);
        for (byte[] body : bodies) {
            String label = new String(body, StandardCharsets.ISO_8859_1).replaceAll(".*firstName=([^&]*).*", "$1");
            try (ErrorLog errors = ErrorLog.open()) {
                RawHttp.Answer answer = RawHttp.send(RestAssured.port, RawHttp.request("""
                        POST /checkout/details HTTP/1.1
                        Host: localhost
                        Connection: close
                        Cookie: %s
                        Content-Type: application/x-www-form-urlencoded
                        Content-Length: %d""".formatted(cookieHeader(shopper), body.length), body));
                assertEquals(400, answer.status(), label + ": " + answer.statusLine());
                errors.assertNone(label);
            }
            assertNull(Checkouts.session(shopper).payer().firstName(), label + " saved the details");
        }
        io.restassured.response.Response page = RestAssured.given().redirects().follow(false)
                .header("Cookie", cookieHeader(shopper)).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body(fields + "&" + VALID_DETAILS.replace("Bj%C3%B8rn", "%C3%28")).when().post("/checkout/details");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().asString().contains("<a "), "the refusal is a page with a way back: " + page.body().asString());
        io.restassured.response.Response query = RestAssured.given().redirects().follow(false)
                .urlEncodingEnabled(false).when().get(Checkouts.OFFER + "?code=%C3%28");
        assertEquals(400, query.statusCode(), "a query value that is not UTF-8");
    }

    private static RawHttp.Answer post(Shopper shopper, String path, String type, String body) {
        return RawHttp.send(RestAssured.port, RawHttp.request("""
                POST %s HTTP/1.1
                Host: localhost
                Connection: close
                Cookie: %s
                Content-Type: %s
                Content-Length: %d""".formatted(path, cookieHeader(shopper), type, body.length()),
                body.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Every endpoint — checkout pages and forms, the callback API, the stand-ins' pages and JSON
     * APIs, static files, an unknown path — with every kind of damaged envelope. Collects every
     * 5xx and every ERROR line with the input that caused it, and reports the counts.
     */
    @Test
    void noDamagedEnvelopeOnAnyEndpointAnswers5xxOrLogsAnError() {
        Shopper shopper = atDetails();
        List<HostileEnvelopes.Endpoint> endpoints = endpoints(shopper);
        Random random = new Random(SEED);
        List<HostileEnvelopes.Case> cases = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            cases.addAll(HostileEnvelopes.generate(endpoints, random));
        }
        Map<String, int[]> perKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        try (ErrorLog errors = ErrorLog.open()) {
            for (HostileEnvelopes.Case c : cases) {
                errors.clear();
                RawHttp.Answer answer = RawHttp.send(RestAssured.port, c.bytes(), c.endInput());
                int[] counts = perKind.computeIfAbsent(c.kind(), k -> new int[4]);
                counts[answer.closed() ? 3 : answer.status() >= 500 ? 2 : answer.status() >= 400 ? 1 : 0]++;
                if (answer.status() >= 500) {
                    failures.add(answer.statusLine() + " for " + HostileEnvelopes.abbreviate(c.description()));
                }
                if (!errors.lines().isEmpty()) {
                    failures.add("ERROR logged for " + HostileEnvelopes.abbreviate(c.description()) + ":\n"
                            + errors.lines().get(0).lines().limit(12).collect(Collectors.joining("\n")));
                }
            }
        }
        int[] total = new int[4];
        perKind.forEach((kind, counts) -> {
            for (int i = 0; i < 4; i++) {
                total[i] += counts[i];
            }
            System.out.printf("envelope %-15s tried %4d: 2xx/3xx %4d, 4xx %4d, 5xx %d, closed %d%n", kind,
                    counts[0] + counts[1] + counts[2] + counts[3], counts[0], counts[1], counts[2], counts[3]);
        });
        System.out.printf("envelope total: %d inputs on %d endpoints: 2xx/3xx %d, 4xx %d, 5xx %d, closed without answer %d%n",
                cases.size(), endpoints.size(), total[0], total[1], total[2], total[3]);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
        assertTrue(total[1] > cases.size() / 2, "most damaged envelopes are refused with a 4xx");
    }

    /** One well-formed request per endpoint, with the shopper's cookies and token where it needs them. */
    static List<HostileEnvelopes.Endpoint> endpoints(Shopper shopper) {
        String host = "localhost:" + RestAssured.port;
        String cookie = cookieHeader(shopper);
        String token = "csrf-token=" + csrf(shopper);
        String clientToken = ConnectIdProbe.clientToken();
        String reference = Checkouts.reference(shopper);
        String authorize = "client_id=" + ConnectIdProbe.CLIENT_ID + "&redirect_uri="
                + URLEncoder.encode(Shopper.absolute("/checkout/auth/callback"), StandardCharsets.UTF_8)
                + "&response_type=code&state=s1&code_challenge=" + "c".repeat(43) + "&code_challenge_method=S256";
        Map<String, String> browser = Map.of("Host", host, "Connection", "close", "Cookie", cookie,
                "Accept", "text/html", "Accept-Language", "nb");
        Map<String, String> form = new LinkedHashMap<>(browser);
        form.put("Content-Type", "application/x-www-form-urlencoded");
        Map<String, String> capi = Map.of("Host", host, "Connection", "close", "Authorization", "Bearer " + clientToken,
                "Content-Type", "application/json", "Accept", "application/json");
        Map<String, String> psp = Map.of("Host", host, "Connection", "close", "Authorization", "Bearer psp_test_demo_key",
                "Content-Type", "application/json", "Idempotency-Key", "envelope-1");
        Map<String, String> callback = Map.of("Host", host, "Connection", "close", "Content-Type", "application/json",
                "Signature", "t=1,v1=" + "0".repeat(64));
        Map<String, String> tokenCall = Map.of("Host", host, "Connection", "close",
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((ConnectIdProbe.CLIENT_ID + ":" + ConnectIdProbe.CLIENT_SECRET)
                                .getBytes(StandardCharsets.UTF_8)));
        return List.of(
                new HostileEnvelopes.Endpoint("landing", "GET", "/", browser, null),
                new HostileEnvelopes.Endpoint("offer", "GET", Checkouts.OFFER, browser, null),
                new HostileEnvelopes.Endpoint("start", "POST", Checkouts.OFFER, form,
                        token + "&paymentOption=invoice&mode=guest"),
                new HostileEnvelopes.Endpoint("details page", "GET", "/checkout/details", browser, null),
                new HostileEnvelopes.Endpoint("details form", "POST", "/checkout/details", form,
                        token + "&" + VALID_DETAILS),
                new HostileEnvelopes.Endpoint("review", "GET", "/checkout/review", browser, null),
                new HostileEnvelopes.Endpoint("confirm", "POST", "/checkout/confirm", form, token),
                new HostileEnvelopes.Endpoint("login", "POST", "/checkout/login", form, token),
                new HostileEnvelopes.Endpoint("login callback", "GET", "/checkout/auth/callback?code=x&state=y", browser, null),
                new HostileEnvelopes.Endpoint("logout", "POST", "/checkout/logout", form, token),
                new HostileEnvelopes.Endpoint("status", "GET", "/checkout/status", browser, null),
                new HostileEnvelopes.Endpoint("return", "GET", "/checkout/return/" + reference + "?sig=x", browser, null),
                new HostileEnvelopes.Endpoint("receipt", "GET", "/checkout/receipt", browser, null),
                new HostileEnvelopes.Endpoint("payment callback", "POST", "/callbacks/payment/demo", callback,
                        "{\"id\":\"evt_1\",\"type\":\"payment.captured\",\"paymentId\":\"p1\"}"),
                new HostileEnvelopes.Endpoint("brand css", "GET", "/brand/demo.css", browser, null),
                new HostileEnvelopes.Endpoint("static css", "GET", "/css/app.css", browser, null),
                new HostileEnvelopes.Endpoint("support", "GET", "/support", browser, null),
                new HostileEnvelopes.Endpoint("unknown path", "GET", "/no/such/page", browser, null),
                new HostileEnvelopes.Endpoint("token", "POST", "/user/oauth/token", tokenCall, "grant_type=client_credentials"),
                new HostileEnvelopes.Endpoint("authorize page", "GET", "/user/oauth/authorize?" + authorize, browser, null),
                new HostileEnvelopes.Endpoint("authorize form", "POST", "/user/oauth/authorize", form,
                        authorize + "&credential=a%40b.no&password=x"),
                new HostileEnvelopes.Endpoint("capi order", "POST", "/capi/v1/client/order", capi,
                        "{\"externalOrderId\":\"env-1\",\"orderAmount\":\"1.00\"}"),
                new HostileEnvelopes.Endpoint("capi products", "GET", "/capi/v1/client/product", capi, null),
                new HostileEnvelopes.Endpoint("psp payment", "POST", "/psp/v1/payments", psp,
                        "{\"reference\":\"env-1\",\"amount\":{\"value\":\"1.00\",\"currency\":\"NOK\"}}"),
                new HostileEnvelopes.Endpoint("psp page", "GET", "/psp/pay/pay_unknown", browser, null),
                new HostileEnvelopes.Endpoint("psp card form", "POST", "/psp/pay/pay_unknown/card", form,
                        "number=4111111111111111&expiry=12%2F39&cvc=123"));
    }

    static Shopper atDetails() {
        Shopper shopper = new Shopper();
        shopper.open(Checkouts.OFFER);
        shopper.submitAndFollow("form[action='" + Checkouts.OFFER + "']", Map.of("paymentOption", "invoice"),
                "mode=guest");
        return shopper;
    }

    static String csrf(Shopper shopper) {
        return shopper.page().document().selectFirst("input[name='csrf-token']").attr("value");
    }

    static String cookieHeader(Shopper shopper) {
        return shopper.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
