package io.connectcheckout.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.Management;
import io.connectcheckout.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Operations endpoints (order volumes and circuit states in the metrics, every route in the
 * OpenAPI document) are not on the shoppers' port, and no request a stranger makes there can
 * add metric tags: made-up paths are counted under a fixed few uri tags, so the tag cap is
 * never filled and the real routes go on being recorded.
 */
@QuarkusTest
class OperationsPortTest {

    private static final Pattern URI_TAG = Pattern.compile("^http_server_requests_seconds_count\\{.*uri=\"([^\"]*)\".*\\} ([0-9.eE+-]+)$");

    @Test
    void operationsEndpointsAreNotOnTheShoppersPort() {
        for (String path : List.of("/q/metrics", "/q/openapi", "/q/health", "/q/health/ready", "/q/health/live",
                "/q/openapi?format=json", "/q/metrics/", "/q/dev-ui")) {
            int status = given().redirects().follow(false).when().get(path).statusCode();
            assertEquals(404, status, path + " on the shoppers' port");
        }
        given().when().get(Management.url("/q/metrics")).then().statusCode(200);
        given().when().get(Management.url("/q/health/ready")).then().statusCode(200);
    }

    @Test
    void madeUpPathsNeverBecomeMetricTags() {
        String marker = "zq" + Long.toHexString(System.nanoTime());
        for (int i = 0; i < 285; i++) {
            String id = marker + i;
            List<String> requests = List.of(
                    "GET /" + id + " HTTP/1.1",
                    "POST /checkout/" + id + " HTTP/1.1",
                    "GET /checkout/%zz" + id + " HTTP/1.1",
                    "DELETE /css/" + id + ".css HTTP/1.1",
                    "GET /css/./" + id + "/../app.css HTTP/1.1",
                    "PUT /capi/v1/" + id + " HTTP/1.1",
                    "GET /psp/v1/" + id + "/x%ZZ HTTP/1.1",
                    "OPTIONS /checkout/details/" + id + " HTTP/1.1",
                    // Request-targets that are not paths (found by the outside attack): origin-form
                    // without its slash, authority-form, absolute-form.
                    "GET " + id + " HTTP/1.1",
                    "CONNECT " + id + ".example:443 HTTP/1.1",
                    "POST checkout/" + id + " HTTP/1.1",
                    "GET http://localhost/" + id + " HTTP/1.1",
                    "GET http://" + id + ".example/checkout/x HTTP/1.1",
                    // Paths a browser never sends, found by the outside attack of stop 23: an empty
                    // first segment, backslashes, dot segments before anything.
                    "GET //" + id + ".com/ HTTP/1.1",
                    "GET ///" + id + " HTTP/1.1",
                    "GET /\\" + id + " HTTP/1.1",
                    "GET //../" + id + " HTTP/1.1",
                    "GET /../" + id + " HTTP/1.1",
                    "POST //checkout/" + id + " HTTP/1.1");
            String request = requests.get(i % requests.size());
            RawHttp.send(RestAssured.port, RawHttp.request(request + "\nHost: localhost\nConnection: close\n"
                    + "Content-Length: 0", new byte[0]));
        }
        Set<String> uris = uriTags();
        List<String> leaked = uris.stream().filter(u -> u.contains(marker)).toList();
        assertTrue(leaked.isEmpty(), "made-up paths became uri tags: " + leaked);
        assertTrue(uris.size() < 100, uris.size() + " uri tags, under the cap of 100 (max-uri-tags): " + uris);

        // A route requested after the flood is still recorded under its template.
        double before = count("/checkout/{publisher}/{offer}");
        given().when().get(Checkouts.OFFER).then().statusCode(200);
        assertTrue(count("/checkout/{publisher}/{offer}") > before, "the offer page is still counted after the flood");
    }

    private static Set<String> uriTags() {
        Set<String> uris = new TreeSet<>();
        for (String line : metrics()) {
            Matcher m = URI_TAG.matcher(line);
            if (m.matches()) {
                uris.add(m.group(1));
            }
        }
        return uris;
    }

    private static double count(String uri) {
        double sum = 0;
        for (String line : metrics()) {
            Matcher m = URI_TAG.matcher(line);
            if (m.matches() && m.group(1).equals(uri)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private static List<String> metrics() {
        byte[] body = given().when().get(Management.url("/q/metrics")).then().statusCode(200).extract().asByteArray();
        return new String(body, StandardCharsets.UTF_8).lines().toList();
    }
}
