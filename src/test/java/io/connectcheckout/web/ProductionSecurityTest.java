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

import io.connectcheckout.testing.FaultIsolation;
import io.connectcheckout.testing.FaultProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code checkout.web.secure=true} (production over https): HSTS and __Host- cookies. The
 * fault tests' start runs that way ({@link FaultProfile}), so this class shares it.
 */
@QuarkusTest
@TestProfile(FaultProfile.class)
@ExtendWith(FaultIsolation.class)
class ProductionSecurityTest {

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
