package io.connectcheckout.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LocaleSwitchTest {

    @Test
    void acceptLanguagePicksTheLanguage() {
        given().header("Accept-Language", "nb-NO").when().get("/")
                .then().statusCode(200).body(containsString("Bli abonnent på et minutt"));
        given().header("Accept-Language", "en-US").when().get("/")
                .then().statusCode(200).body(containsString("Subscribe in a minute"));
    }

    @Test
    void anyNorwegianTagMeansBokmal() {
        given().header("Accept-Language", "nn-NO, no;q=0.5").when().get("/")
                .then().statusCode(200).body(containsString("<html lang=\"nb\">"));
    }

    @Test
    void unsupportedLanguagesFallBackToEnglish() {
        given().header("Accept-Language", "de-DE").when().get("/")
                .then().statusCode(200).body(containsString("<html lang=\"en\">"));
    }

    @Test
    void theSwitchOverridesTheHeaderAndPersistsInACookie() {
        Response switched = given().header("Accept-Language", "en")
                .when().get("/?lang=nb")
                .then().statusCode(200)
                .body(containsString("Bli abonnent på et minutt"))
                .extract().response();
        assertThat(switched.headers().getValues("Set-Cookie"), hasItem(allOf(startsWith("lang=nb"),
                containsString("HttpOnly"), containsString("SameSite=Lax"), containsString("Max-Age=31536000"))));
        String cookie = switched.cookie("lang");

        // A later request without the switch keeps Norwegian, despite the browser asking for English.
        var kept = given().header("Accept-Language", "en").cookie("lang", cookie)
                .when().get("/")
                .then().statusCode(200)
                .body(containsString("Bli abonnent på et minutt"))
                .extract().headers().getValues("Set-Cookie");
        assertThat(kept, everyItem(not(startsWith("lang="))));

        // And switching back works the same way.
        var switchedBack = given().cookie("lang", cookie).when().get("/?lang=en")
                .then().statusCode(200).body(containsString("Subscribe in a minute"))
                .extract().headers().getValues("Set-Cookie");
        assertThat(switchedBack, hasItem(startsWith("lang=en")));
    }

    @Test
    void aForgedLanguageCookieIsIgnored() {
        given().header("Accept-Language", "en").cookie("lang", "<script>")
                .when().get("/")
                .then().statusCode(200).body(containsString("<html lang=\"en\">"));
    }
}
