package io.connectcheckout.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Forms need the CSRF token of their own cookie; bearer-authenticated JSON APIs do not. */
@QuarkusTest
class CsrfConfigTest {

    @Test
    void aFormWithoutTheTokenIsRefused() {
        given().formParam("value", "x").when().post("/test-only/csrf/form").then().statusCode(400);
    }

    @Test
    void aFormWithTheTokenOfItsCookieIsAccepted() {
        Response page = given().when().get("/test-only/csrf");
        String cookie = page.cookie("csrf-token");
        String token = page.asString();
        given().cookie("csrf-token", cookie).formParam("csrf-token", token).formParam("value", "x")
                .when().post("/test-only/csrf/form")
                .then().statusCode(200).body(equalTo("accepted x"));
    }

    @Test
    void aTokenFromAnotherBrowserIsRefused() {
        String mine = given().when().get("/test-only/csrf").cookie("csrf-token");
        String theirs = given().when().get("/test-only/csrf").asString();
        given().cookie("csrf-token", mine).formParam("csrf-token", theirs).formParam("value", "x")
                .when().post("/test-only/csrf/form")
                .then().statusCode(400);
    }

    @Test
    void jsonApisAreNotSubjectToTheFormToken() {
        given().contentType("application/json").body("{}")
                .when().post("/test-only/csrf/json")
                .then().statusCode(200).body(equalTo("accepted json"));
    }
}
