package io.connectcheckout.connectid.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.testing.FromAddress;
import io.connectcheckout.testing.MutableClock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The token endpoint against the outside attack of 2026-12-03 (finding 8): parameters in the query
 * string as a published PHP client sends them (connectid-api-notes.md §5), one client
 * authentication method at a time (RFC 6749 §2.3), wrong client secrets slowed down per client and
 * per address, and a replayed refresh token revoking its whole family (RFC 9700 §4.14.2). Every test
 * starts and ends with the throttle's memory forgotten (the clock moved on), as the whole suite
 * authenticates the demo client from one address.
 */
@QuarkusTest
class TokenEndpointHardeningTest {

    private static final String TOKEN = "/user/oauth/token";

    @BeforeEach
    @AfterEach
    void forgetEarlierFailures() {
        MutableClock.advance(Duration.ofHours(2));
    }

    @Test
    void parametersInTheQueryStringAreReadAndTheBodyWins() {
        given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET).contentType(ContentType.URLENC)
                .queryParam("grant_type", "client_credentials").when().post(TOKEN)
                .then().statusCode(200).body("access_token", notNullValue()).body("token_type", equalTo("Bearer"));
        given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET).contentType(ContentType.URLENC)
                .queryParam("grant_type", "password").formParam("grant_type", "client_credentials").when().post(TOKEN)
                .then().statusCode(200).body("access_token", notNullValue());
        // RFC 6749 §2.3.1: client credentials never in the request URI.
        given().contentType(ContentType.URLENC).queryParam("client_id", CidTestSupport.CLIENT)
                .queryParam("client_secret", CidTestSupport.SECRET).formParam("grant_type", "client_credentials")
                .when().post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aClientThatAuthenticatesTwoWaysAtOnceIsAnInvalidRequest() {
        given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_secret", CidTestSupport.SECRET)
                .when().post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", CidTestSupport.CLIENT)
                .when().post(TOKEN).then().statusCode(200);
    }

    @Test
    void wrongSecretsForOneClientAreSlowedDownAndTheRightOnePassesAfterTheWait() {
        Response last = null;
        for (int i = 0; i < 40; i++) {
            last = clientCredentials(CidTestSupport.CLIENT, "guess-" + i);
        }
        assertEquals(429, last.statusCode(), "40 wrong secrets in a row are slowed down");
        Response right = clientCredentials(CidTestSupport.CLIENT, CidTestSupport.SECRET);
        // RFC 6749 §5.2 defines no "temporarily_unavailable" for the token endpoint; what is refused is client authentication.
        right.then().statusCode(429).header("Cache-Control", "no-store").body("error", equalTo("invalid_client"));
        long wait = Long.parseLong(right.header("Retry-After"));
        assertTrue(wait > 0, "Retry-After " + wait);
        MutableClock.advance(Duration.ofSeconds(wait + 1));
        clientCredentials(CidTestSupport.CLIENT, CidTestSupport.SECRET).then().statusCode(200);
    }

    /** Issue 13 item 13's kind at the token endpoint: a stranger's wrong secrets never make the client wait. */
    @Test
    void aStrangersWrongSecretsDoNotSlowTheClientDown() {
        Response last = null;
        for (int i = 0; i < 40; i++) {
            last = FromAddress.given("127.0.0.2").auth().preemptive().basic(CidTestSupport.CLIENT, "guess-" + i)
                    .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").when().post(TOKEN);
        }
        assertEquals(429, last.statusCode(), "the stranger is slowed down");
        clientCredentials(CidTestSupport.CLIENT, CidTestSupport.SECRET).then().statusCode(200);
    }

    @Test
    void wrongSecretsSprayedOverManyClientIdsSlowTheAddressDown() {
        String run = "spray-" + System.nanoTime();
        int refusedAt = -1;
        for (int i = 0; i < 200 && refusedAt < 0; i++) {
            if (clientCredentials(run + "-" + i, "guess").statusCode() == 429) {
                refusedAt = i;
            }
        }
        assertTrue(refusedAt > 0, "the address is slowed down after a number of failures");
        Response right = clientCredentials(CidTestSupport.CLIENT, CidTestSupport.SECRET);
        right.then().statusCode(429);
        MutableClock.advance(Duration.ofSeconds(Long.parseLong(right.header("Retry-After")) + 1));
        clientCredentials(CidTestSupport.CLIENT, CidTestSupport.SECRET).then().statusCode(200);
    }

    @Test
    void aReplayedRefreshTokenRevokesTheWholeFamily() {
        Map<String, String> first = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD);
        Response rotated = refresh(first.get("refresh"));
        rotated.then().statusCode(200);
        String access2 = rotated.path("access_token");
        String refresh2 = rotated.path("refresh_token");
        assertNotNull(refresh2);
        given().header("Authorization", "Bearer " + access2).when().get("/capi/v1/customer/profile")
                .then().statusCode(200);

        // The old refresh token comes back: someone holds a copy. Everything issued from that login ends.
        refresh(first.get("refresh")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(refresh2).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().header("Authorization", "Bearer " + access2).when().get("/capi/v1/customer/profile")
                .then().statusCode(401);
        // Another login of the same user is another family, untouched.
        Map<String, String> other = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD);
        refresh(other.get("refresh")).then().statusCode(200);
    }

    /**
     * Found by the second outside attack: after a replay revoked the family, a refresh token of it
     * that was never used answered "already used". RFC 6749 §5.2: both are {@code invalid_grant};
     * the description says which: used (the replay) or revoked (never used, ended with its family).
     */
    @Test
    void aRevokedRefreshTokenThatWasNeverUsedIsCalledRevokedNotUsed() {
        Map<String, String> first = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD);
        String unused = refresh(first.get("refresh")).then().statusCode(200).extract().path("refresh_token");
        refresh(first.get("refresh")).then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("The refresh token was already used"));
        refresh(unused).then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("The refresh token was revoked"));
        // Asked again, each keeps its own reason.
        refresh(first.get("refresh")).then().statusCode(400)
                .body("error_description", equalTo("The refresh token was already used"));
        refresh(unused).then().statusCode(400).body("error_description", equalTo("The refresh token was revoked"));
    }

    private static Response clientCredentials(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").when().post(TOKEN);
    }

    private static Response refresh(String refreshToken) {
        return given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).when().post(TOKEN);
    }
}
