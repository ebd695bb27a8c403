package io.connectcheckout.connectid.sandbox;

import io.connectcheckout.testing.MutableClock;
import static io.connectcheckout.connectid.sandbox.BrowserLogin.VERIFIER;
import static io.connectcheckout.connectid.sandbox.BrowserLogin.authorizeParams;
import static io.connectcheckout.connectid.sandbox.BrowserLogin.exchange;
import static io.connectcheckout.connectid.sandbox.BrowserLogin.login;
import static io.connectcheckout.connectid.sandbox.BrowserLogin.queryParam;
import static io.connectcheckout.connectid.sandbox.BrowserLogin.redirectUri;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorization-code flow with PKCE through the real login page, and the token endpoint's other grants. */
@QuarkusTest
class OAuthFlowTest {

    private static final String UUID_LIKE = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    @Test
    void codeFlowWithPkceGivesTokensForTheLoggedInUser() {
        Response loggedIn = login(authorizeParams("xyz-state"), SandboxSeeder.DEMO_EMAIL.toUpperCase(),
                SandboxSeeder.DEMO_PASSWORD);
        assertEquals(303, loggedIn.statusCode());
        String location = loggedIn.header("Location");
        assertTrue(location.startsWith(redirectUri() + "?"), location);
        assertEquals("xyz-state", queryParam(location, "state"));
        String code = queryParam(location, "code");

        Response tokens = exchange(code, VERIFIER);
        tokens.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(43200))
                .body("access_token", matchesPattern(UUID_LIKE))
                .body("refresh_token", matchesPattern(UUID_LIKE));

        given().header("Authorization", "Bearer " + tokens.path("access_token"))
                .when().get("/capi/v1/customer/profile")
                .then().statusCode(200)
                .body("emails[0]", equalTo(SandboxSeeder.DEMO_EMAIL))
                .body("uniqueId", matchesPattern("^[0-9a-f]{32}$"))
                .body("name.firstName", equalTo("Kari"));
    }

    @Test
    void theLoginPageIsBrandedWithTheClientAndSpeaksNorwegian() {
        given().queryParams(authorizeParams("s")).header("Accept-Language", "nb-NO")
                .when().get("/user/oauth/authorize")
                .then().statusCode(200)
                .body(containsString("Logg inn hos Dagsavisen Demo"))
                .body(containsString("name=\"csrf-token\""));
        given().queryParams(authorizeParams("s")).header("Accept-Language", "en")
                .when().get("/user/oauth/authorize")
                .then().statusCode(200).body(containsString("Log in to Dagsavisen Demo"));
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithAnError() {
        Response response = login(authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, "wrong-password");
        response.then().statusCode(400)
                .body(containsString("do not match an account"))
                .body(containsString("aria-invalid=\"true\""))
                .header("Location", nullValue());
    }

    @Test
    void repeatedWrongPasswordsAreThrottledPerCredential() {
        String email = "throttle-" + System.nanoTime() + "@example.no";
        for (int i = 0; i < io.connectcheckout.connectid.sandbox.oauth.LoginThrottle.MAX_FAILURES; i++) {
            login(authorizeParams("s"), email, "guess-" + i).then().statusCode(400);
        }
        login(authorizeParams("s"), email.toUpperCase(), "guess-x")
                .then().statusCode(429).header("Retry-After", notNullValue())
                .body(containsString("Too many wrong passwords"));
        // Other accounts are not affected.
        assertEquals(303, login(authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD).statusCode());
        MutableClock.advance(Duration.ofMinutes(16));
        login(authorizeParams("s"), email, "guess-y").then().statusCode(400);
    }

    @Test
    void anUnregisteredRedirectUriIsNeverRedirectedTo() {
        Map<String, String> params = authorizeParams("s");
        params.put("redirect_uri", "https://evil.example/callback");
        given().redirects().follow(false).queryParams(params).when().get("/user/oauth/authorize")
                .then().statusCode(400).header("Location", nullValue())
                .body(containsString("not valid"));
        params.put("redirect_uri", redirectUri() + "/extra");
        given().redirects().follow(false).queryParams(params).when().get("/user/oauth/authorize")
                .then().statusCode(400).header("Location", nullValue());
        params.put("client_id", "no.unknown");
        given().redirects().follow(false).queryParams(params).when().get("/user/oauth/authorize")
                .then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void protocolErrorsGoBackToTheRegisteredRedirectUri() {
        Map<String, String> params = authorizeParams("st");
        params.put("code_challenge_method", "plain");
        String location = given().redirects().follow(false).queryParams(params).when().get("/user/oauth/authorize")
                .then().statusCode(303).extract().header("Location");
        assertEquals("invalid_request", queryParam(location, "error"));
        assertEquals("st", queryParam(location, "state"));
        params = authorizeParams("st");
        params.put("response_type", "token");
        location = given().redirects().follow(false).queryParams(params).when().get("/user/oauth/authorize")
                .then().statusCode(303).extract().header("Location");
        assertEquals("unsupported_response_type", queryParam(location, "error"));
    }

    /**
     * RFC 6749 §3.1: request parameters "MUST NOT be included more than once" (outside attack of
     * 2026-12-08: the first of each was taken). A repeated client_id or redirect_uri leaves in doubt
     * where to send the answer: the page says so, no redirect; any other repeat goes back to the
     * registered redirect URI as invalid_request, with the state only when it was sent once.
     */
    @Test
    void aRepeatedAuthorizationParameterIsAnInvalidRequest() {
        for (String name : java.util.List.of("client_id", "redirect_uri")) {
            given().redirects().follow(false).queryParams(authorizeParams("st")).queryParam(name, authorizeParams("st").get(name))
                    .when().get("/user/oauth/authorize").then().statusCode(400).header("Location", nullValue());
        }
        for (String name : java.util.List.of("response_type", "state", "code_challenge", "code_challenge_method")) {
            String location = given().redirects().follow(false).queryParams(authorizeParams("st"))
                    .queryParam(name, authorizeParams("st").get(name)).when().get("/user/oauth/authorize")
                    .then().statusCode(303).extract().header("Location");
            assertTrue(location.startsWith(redirectUri() + "?"), location);
            assertEquals("invalid_request", queryParam(location, "error"), name);
            assertEquals(name + " is repeated", queryParam(location, "error_description"));
            assertEquals(name.equals("state") ? null : "st", queryParam(location, "state"), name);
            assertEquals(null, queryParam(location, "code"), name);
        }
    }

    @Test
    void aCodeWorksOnceAndItsReuseRevokesTheTokens() {
        String code = queryParam(login(authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD)
                .header("Location"), "code");
        String access = exchange(code, VERIFIER).then().statusCode(200).extract().path("access_token");
        exchange(code, VERIFIER).then().statusCode(400)
                .body("error", equalTo("invalid_grant")).body("error_description", containsString("already used"));
        given().header("Authorization", "Bearer " + access).when().get("/capi/v1/customer/profile")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void theVerifierMustMatchTheChallenge() {
        String code = queryParam(login(authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD)
                .header("Location"), "code");
        exchange(code, "another-verifier-that-is-long-enough-to-be-valid-1234567890")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
        String code2 = queryParam(login(authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD)
                .header("Location"), "code");
        exchange(code2, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aLoggedInBrowserGetsACodeWithoutTheLoginPage() {
        Response loggedIn = login(authorizeParams("s"), SandboxSeeder.DEMO_MOBILE, SandboxSeeder.DEMO_PASSWORD);
        assertEquals(303, loggedIn.statusCode());
        String session = loggedIn.cookie("cid_login");
        assertNotNull(session);
        String location = given().redirects().follow(false).cookie("cid_login", session)
                .queryParams(authorizeParams("again")).when().get("/user/oauth/authorize")
                .then().statusCode(303).extract().header("Location");
        assertNotNull(queryParam(location, "code"));
        // After logout the login page shows again.
        given().redirects().follow(false).cookie("cid_login", session)
                .queryParam("clientId", CidTestSupport.CLIENT).queryParam("returnUrl", "https://demo.connectcheckout.io/bye")
                .when().get("/user/logout")
                .then().statusCode(303).header("Location", "https://demo.connectcheckout.io/bye");
        given().redirects().follow(false).cookie("cid_login", session)
                .queryParams(authorizeParams("again")).when().get("/user/oauth/authorize")
                .then().statusCode(200).body(containsString("name=\"password\""));
    }

    @Test
    void logoutNeverRedirectsToAnUnregisteredHost() {
        given().redirects().follow(false).queryParam("clientId", CidTestSupport.CLIENT)
                .queryParam("returnUrl", "https://evil.example/").when().get("/user/logout")
                .then().statusCode(200).header("Location", nullValue()).body(containsString("logged out"));
    }

    @Test
    void refreshTokensRotate() {
        Map<String, String> tokens = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD);
        Response refreshed = refresh(tokens.get("refresh"));
        refreshed.then().statusCode(200).body("access_token", not(equalTo(tokens.get("access"))))
                .body("refresh_token", not(equalTo(tokens.get("refresh"))));
        given().header("Authorization", "Bearer " + refreshed.path("access_token"))
                .when().get("/capi/v1/customer/info")
                .then().statusCode(200)
                .body("name.lastName", equalTo("Nordmann"))
                .body("address.postalCode", equalTo("0155"))
                .body("attachedUsers.credentials.credentialType", org.hamcrest.Matchers.hasItems("A_EMAIL_ADDRESS", "B_SMS_PHONE"));
        Response again = refresh(refreshed.path("refresh_token"));
        again.then().statusCode(200);
        // The rotated one used again: refused, and its whole family with it (RFC 9700 §4.14.2; outside attack 8d).
        refresh(tokens.get("refresh")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(again.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void expiredTokensAndCodesAreRefused() {
        Map<String, String> tokens = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD);
        String code = queryParam(login(authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD)
                .header("Location"), "code");
        MutableClock.advance(Duration.ofHours(12).plusSeconds(1));
        given().header("Authorization", "Bearer " + tokens.get("access")).when().get("/capi/v1/customer/profile")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
        exchange(code, VERIFIER).then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", containsString("expired"));
        // The refresh token lives 30 days: still good after 12 hours.
        refresh(tokens.get("refresh")).then().statusCode(200);
    }

    @Test
    void clientCredentialsByFormFieldsOrBasicButNotWithAWrongSecret() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", CidTestSupport.CLIENT).formParam("client_secret", CidTestSupport.SECRET)
                .when().post("/user/oauth/token")
                .then().statusCode(200).body("access_token", notNullValue()).body("refresh_token", nullValue());
        given().auth().preemptive().basic(CidTestSupport.CLIENT, "wrong").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").when().post("/user/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"))
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").when().post("/user/oauth/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "authorization_code").when().post("/user/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET).contentType(ContentType.JSON)
                .body("{}").when().post("/user/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    private static Response refresh(String refreshToken) {
        return given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).when().post("/user/oauth/token");
    }
}
