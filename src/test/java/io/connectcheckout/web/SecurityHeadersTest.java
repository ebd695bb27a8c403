package io.connectcheckout.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityHeadersTest {

    @Test
    void htmlPagesCarryTheHardeningHeaders() {
        given().when().get("/")
                .then().statusCode(200)
                .header("Content-Type", equalTo("text/html;charset=UTF-8"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("Content-Security-Policy", containsString("base-uri 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"))
                .header("Cache-Control", equalTo("no-store"))
                // Served over plain http in tests: no HSTS outside production.
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void errorPagesCarryThemToo() {
        given().when().get("/no-such-page")
                .then().statusCode(404)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void stylesheetsAreNotHtmlSoTheyMayBeCached() {
        given().when().get("/css/app.css")
                .then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", nullValue());
    }
}
