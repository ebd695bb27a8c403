package io.connectcheckout.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code checkout.web.secure=true} (production over https): HSTS and __Host- cookies. */
@QuarkusTest
@TestProfile(ProductionSecurityTest.Secure.class)
class ProductionSecurityTest {

    public static class Secure implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // As the deploy notes say: CHECKOUT_WEB_SECURE=true, CHECKOUT_CSRF_COOKIE=__Host-csrf-token.
            return Map.of("checkout.web.secure", "true", "quarkus.rest-csrf.cookie-name", "__Host-csrf-token");
        }
    }

    @Test
    void hstsIsSent() {
        given().when().get("/")
                .then().statusCode(200)
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
    }

    @Test
    void cookiesUseTheHostPrefixAndAreSecure() {
        var setCookies = given().when().get("/?lang=nb")
                .then().statusCode(200)
                .extract().headers().getValues("Set-Cookie");
        assertThat(setCookies, hasItem(allOf(startsWith("__Host-lang=nb"), containsString("Secure"),
                containsString("HttpOnly"), containsString("SameSite=Lax"), containsString("Path=/"))));
    }

    @Test
    void theCsrfCookieOfAFormPageUsesTheHostPrefixToo() {
        var setCookies = given().when().get("/checkout/demo/digital-month")
                .then().statusCode(200)
                .extract().headers().getValues("Set-Cookie");
        // Attribute names are case-insensitive (Vert.x writes "HTTPOnly").
        assertThat(setCookies, hasItem(allOf(startsWith("__Host-csrf-token="), containsString("Secure"),
                containsStringIgnoringCase("HttpOnly"), containsString("Path=/"))));
        assertThat(setCookies.toString(), not(containsString("Domain=")));
    }
}
