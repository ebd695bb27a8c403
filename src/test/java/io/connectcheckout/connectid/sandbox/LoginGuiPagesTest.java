package io.connectcheckout.connectid.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 10 (login server part): the GUI URLs published clients send browsers to,
 * {@code /user/login}, {@code /user/createUser} and {@code /user/register} with
 * {@code clientId}, {@code returnUrl}, {@code errorUrl}: log in, then back to returnUrl.
 */
@QuarkusTest
class LoginGuiPagesTest {

    private static String returnUrl() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/checkout/return?ref=gui";
    }

    @Test
    void loginShowsTheLoginPageAndGoesBackToTheReturnUrlWithoutACode() {
        Response page = given().redirects().follow(false).queryParam("clientId", CidTestSupport.CLIENT)
                .queryParam("returnUrl", returnUrl()).queryParam("errorUrl", returnUrl())
                .queryParam("credential", SandboxSeeder.DEMO_EMAIL).when().get("/user/login");
        page.then().statusCode(200).body(containsString("Dagsavisen Demo"))
                .body(containsString("value=\"" + SandboxSeeder.DEMO_EMAIL + "\""));
        Response loggedIn = BrowserLogin.postForm(page, "/user/oauth/authorize",
                Map.of("credential", SandboxSeeder.DEMO_EMAIL, "password", SandboxSeeder.DEMO_PASSWORD));
        assertEquals(303, loggedIn.statusCode());
        assertEquals(returnUrl(), loggedIn.header("Location"));
        String session = loggedIn.cookie("cid_login");

        // With the login session, createUser and register go straight back.
        for (String path : new String[] {"/user/createUser", "/user/register", "/user/login"}) {
            given().redirects().follow(false).cookie("cid_login", session)
                    .queryParam("clientId", CidTestSupport.CLIENT).queryParam("returnUrl", returnUrl())
                    .when().get(path).then().statusCode(303).header("Location", returnUrl());
        }
    }

    @Test
    void createUserAndRegisterShowTheLoginPageWithoutASession() {
        for (String path : new String[] {"/user/createUser", "/user/register"}) {
            given().redirects().follow(false).queryParam("clientId", CidTestSupport.CLIENT)
                    .queryParam("returnUrl", returnUrl()).when().get(path)
                    .then().statusCode(200).body(containsString("name=\"password\""))
                    .body(containsString("/user/oauth/authorize/code?"));
        }
    }

    @Test
    void anUnknownClientOrAForeignReturnUrlGetsAnErrorPageNeverARedirect() {
        given().redirects().follow(false).queryParam("clientId", "no.unknown").queryParam("returnUrl", returnUrl())
                .when().get("/user/login").then().statusCode(400).header("Location", nullValue());
        given().redirects().follow(false).queryParam("clientId", CidTestSupport.CLIENT)
                .queryParam("returnUrl", "https://evil.example/back").when().get("/user/createUser")
                .then().statusCode(400).header("Location", nullValue());
        given().redirects().follow(false).queryParam("clientId", CidTestSupport.CLIENT)
                .queryParam("returnUrl", returnUrl()).queryParam("errorUrl", "https://evil.example/err")
                .when().get("/user/register").then().statusCode(400).header("Location", nullValue());
        // A forged GUI login post for a foreign return URL is refused too.
        Response page = given().queryParams(BrowserLogin.authorizeParams("s")).when().get("/user/oauth/authorize");
        BrowserLogin.postForm(page, "/user/oauth/authorize", Map.of("response_type", "none",
                "redirect_uri", "https://evil.example/back", "credential", SandboxSeeder.DEMO_EMAIL,
                "password", SandboxSeeder.DEMO_PASSWORD)).then().statusCode(400).header("Location", nullValue());
    }
}
