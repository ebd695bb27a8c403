package io.connectcheckout.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorPagesTest {

    @Test
    void notFoundIsATranslatedPageInEnglish() {
        given().header("Accept-Language", "en-GB,en;q=0.8")
                .when().get("/definitely/not/here")
                .then().statusCode(404)
                .header("Content-Type", equalTo("text/html;charset=UTF-8"))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Page not found"))
                .body(matchesPattern("(?s).*Reference: [0-9A-F]{10}.*"))
                .body(not(containsString("Exception")));
    }

    @Test
    void notFoundIsATranslatedPageInNorwegian() {
        given().header("Accept-Language", "nb-NO,nb;q=0.9,no;q=0.8")
                .when().get("/definitely/not/here")
                .then().statusCode(404)
                .body(containsString("<html lang=\"nb\">"))
                .body(containsString("Fant ikke siden"))
                .body(matchesPattern("(?s).*Referanse: [0-9A-F]{10}.*"));
    }

    @Test
    void wrongMethodIs405WithAPage() {
        given().header("Accept-Language", "nb")
                .when().delete("/")
                .then().statusCode(405)
                .body(containsString("Det går ikke an her"));
    }

    /**
     * Found by the outside attack: a request refused before it reached a resource (its envelope)
     * got its page in the Accept-Language language only, with {@code <html lang="en">} whatever the
     * page said. Every error page follows the one choice of every page: {@code ?lang=}, then the
     * language cookie, then Accept-Language.
     */
    @Test
    void everyErrorPageSpeaksTheShoppersChosenLanguage() {
        for (boolean envelope : new boolean[] {false, true}) {
            String what = envelope ? "refused envelope" : "resource";
            io.restassured.specification.RequestSpecification nb = given().cookie("lang", "nb")
                    .header("Accept-Language", "en-GB,en;q=0.9");
            var answer = envelope ? nb.when().options("/checkout/demo/digital-month") : nb.when().delete("/");
            answer.then().statusCode(405)
                    .body(containsString("<html lang=\"nb\">"))
                    .body(containsString("Det går ikke an her"));
            io.restassured.specification.RequestSpecification switched = given().cookie("lang", "nb")
                    .urlEncodingEnabled(false);
            var en = envelope ? switched.when().options("/checkout/demo/digital-month?lang=en")
                    : switched.when().delete("/?lang=en");
            en.then().statusCode(405).body(containsString("<html lang=\"en\">"));
            org.junit.jupiter.api.Assertions.assertFalse(en.body().asString().contains("Det går ikke an her"), what);
        }
    }

    @Test
    void apiClientsAskingForJsonGetJson() {
        given().accept("application/json")
                .when().get("/definitely/not/here")
                .then().statusCode(404)
                .contentType("application/json")
                .body("status", equalTo(404))
                .body("reference", matchesPattern("[0-9A-F]{10}"));
    }

    @Test
    void unavailableDependenciesAreRecognisedThroughTheCauseChain() {
        var wrapped = new RuntimeException(new IllegalStateException(new java.net.ConnectException("refused")));
        org.junit.jupiter.api.Assertions.assertTrue(ErrorPages.isUnavailable(wrapped));
        org.junit.jupiter.api.Assertions.assertFalse(ErrorPages.isUnavailable(new IllegalStateException("bug")));
    }
}
