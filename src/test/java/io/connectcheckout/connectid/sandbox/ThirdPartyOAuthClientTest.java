package io.connectcheckout.connectid.sandbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The login server and the Order API as a well-kept OAuth 2.0 client that nobody here wrote sees
 * them: the Nimbus OAuth 2.0 SDK builds every request and parses every answer, unchanged, so its
 * own expectations (RFC 6749 §4.1, §4.4, §5.1, §5.2, §6; RFC 7636) are the assertions. Only the
 * login page in between is driven like a browser (plain HTTP, redirects not followed).
 */
@QuarkusTest
class ThirdPartyOAuthClientTest {

    @TestHTTPResource("/user/oauth/authorize")
    URI authorizeEndpoint;

    @TestHTTPResource("/user/oauth/token")
    URI tokenEndpoint;

    @TestHTTPResource("/capi/v1/customer/profile")
    URI profileEndpoint;

    @TestHTTPResource("/capi/v1/client/credential")
    URI credentialEndpoint;

    @TestHTTPResource("/capi/v1/client/coupon/DIGI")
    URI couponsEndpoint;

    private static final ClientID CLIENT = new ClientID(CidTestSupport.CLIENT);
    private static final ClientAuthentication BASIC = new ClientSecretBasic(CLIENT, new Secret(CidTestSupport.SECRET));
    private static final ClientAuthentication POST = new ClientSecretPost(CLIENT, new Secret(CidTestSupport.SECRET));

    /** The code the login server sent back for a fresh login, with the request that asked for it. */
    private record Login(AuthorizationCode code, URI redirectUri, CodeVerifier verifier) {
    }

    @Test
    void codeFlowWithPkceAndStateThenRefreshWithRotationThenTheProfile() throws Exception {
        Login login = logIn();

        Tokens tokens = success(token(BASIC, new AuthorizationCodeGrant(login.code(), login.redirectUri(), login.verifier())));
        assertEquals(AccessTokenType.BEARER, tokens.getAccessToken().getType());
        assertEquals(43200L, tokens.getAccessToken().getLifetime());
        assertNotNull(tokens.getRefreshToken(), "the code grant gives a refresh token");

        JSONObject profile = bearerGet(profileEndpoint, tokens.getBearerAccessToken()).getBodyAsJSONObject();
        // The profile in the shape published clients read (issue 13, item 2): credential{credential, credentialType}.
        assertEquals(SandboxSeeder.DEMO_EMAIL, ((java.util.Map<?, ?>) profile.get("credential")).get("credential"));

        Tokens rotated = success(token(BASIC, new RefreshTokenGrant(tokens.getRefreshToken())));
        assertNotEquals(tokens.getRefreshToken(), rotated.getRefreshToken(), "refresh tokens rotate");
        assertNotEquals(tokens.getAccessToken(), rotated.getAccessToken());
        assertEquals(200, bearerGet(profileEndpoint, rotated.getBearerAccessToken()).getStatusCode());

        Tokens again = success(token(BASIC, new RefreshTokenGrant(rotated.getRefreshToken())));
        assertNotNull(again.getRefreshToken());

        // A rotated refresh token used again means a copy is loose: the whole family ends (RFC 9700 §4.14.2).
        assertError(token(BASIC, new RefreshTokenGrant(tokens.getRefreshToken())), OAuth2Error.INVALID_GRANT, 400);
        assertError(token(BASIC, new RefreshTokenGrant(again.getRefreshToken())), OAuth2Error.INVALID_GRANT, 400);
        HTTPResponse revoked = bearerGet(profileEndpoint, again.getBearerAccessToken());
        assertEquals(401, revoked.getStatusCode());
        assertTrue(revoked.getHeaderValue("WWW-Authenticate").contains("invalid_token"),
                "RFC 6750 §3.1: a revoked token is invalid_token");
    }

    @Test
    void codeExchangeWithTheSecretInTheBody() throws Exception {
        Login login = logIn();
        Tokens tokens = success(token(POST, new AuthorizationCodeGrant(login.code(), login.redirectUri(), login.verifier())));
        assertEquals(200, bearerGet(profileEndpoint, tokens.getBearerAccessToken()).getStatusCode());
        assertNotNull(success(token(POST, new RefreshTokenGrant(tokens.getRefreshToken()))).getRefreshToken());
    }

    @Test
    void clientCredentialsGiveAClientTokenForClientModeAndNoRefreshToken() throws Exception {
        for (ClientAuthentication auth : new ClientAuthentication[] {BASIC, POST}) {
            Tokens tokens = success(token(auth, new ClientCredentialsGrant()));
            assertNull(tokens.getRefreshToken(), "client_credentials gives no refresh token (RFC 6749 §4.4.3)");
            HTTPResponse coupons = bearerGet(couponsEndpoint, tokens.getBearerAccessToken());
            assertEquals(200, coupons.getStatusCode(), coupons.getBody());
            assertFalse(coupons.getBodyAsJSONObject().isEmpty());
        }
    }

    @Test
    void aReusedCodeAndAWrongVerifierAreInvalidGrants() throws Exception {
        Login login = logIn();
        AuthorizationGrant grant = new AuthorizationCodeGrant(login.code(), login.redirectUri(), login.verifier());
        success(token(BASIC, grant));
        assertError(token(BASIC, grant), OAuth2Error.INVALID_GRANT, 400);

        Login other = logIn();
        assertError(token(BASIC, new AuthorizationCodeGrant(other.code(), other.redirectUri(), new CodeVerifier())),
                OAuth2Error.INVALID_GRANT, 400);
        assertError(token(BASIC, new AuthorizationCodeGrant(new AuthorizationCode(), other.redirectUri(),
                other.verifier())), OAuth2Error.INVALID_GRANT, 400);
    }

    @Test
    void clientAuthenticationFailuresAreInvalidClient() throws Exception {
        HTTPResponse wrongSecret = token(new ClientSecretBasic(CLIENT, new Secret("not-the-secret")),
                new ClientCredentialsGrant());
        assertError(wrongSecret, OAuth2Error.INVALID_CLIENT, 401);
        assertNotNull(wrongSecret.getHeaderValue("WWW-Authenticate"), "RFC 6749 §5.2: 401 carries WWW-Authenticate");
        assertError(token(new ClientSecretPost(CLIENT, new Secret("not-the-secret")), new ClientCredentialsGrant()),
                OAuth2Error.INVALID_CLIENT, 401);
        assertError(token(new ClientSecretBasic(new ClientID("no.unknown.client"), new Secret("x")),
                new ClientCredentialsGrant()), OAuth2Error.INVALID_CLIENT, 401);
    }

    @Test
    void anUnsupportedGrantIsUnsupportedGrantType() throws Exception {
        assertError(token(BASIC, new ResourceOwnerPasswordCredentialsGrant(SandboxSeeder.DEMO_EMAIL,
                new Secret(SandboxSeeder.DEMO_PASSWORD))), OAuth2Error.UNSUPPORTED_GRANT_TYPE, 400);
    }

    @Test
    void aPlainPkceMethodComesBackAsAnAuthorizationErrorWithTheState() {
        State state = new State();
        AuthorizationRequest request = new AuthorizationRequest.Builder(ResponseType.CODE, CLIENT)
                .endpointURI(authorizeEndpoint).redirectionURI(URI.create(BrowserLogin.redirectUri())).state(state)
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.PLAIN).build();
        Response redirect = given().urlEncodingEnabled(false).redirects().follow(false).when().get(request.toURI());
        assertEquals(303, redirect.statusCode());
        AuthorizationResponse response = parseRedirect(redirect.header("Location"));
        assertFalse(response.indicatesSuccess());
        AuthorizationErrorResponse error = response.toErrorResponse();
        assertEquals(state, error.getState());
        assertEquals(OAuth2Error.INVALID_REQUEST.getCode(), error.getErrorObject().getCode());
    }

    /**
     * Requests no client library would make on purpose, made from Nimbus' own token request with
     * its body or headers spoilt: every answer is still the RFC 6749 §5.2 error, JSON, no-store,
     * whatever the Accept header.
     */
    @Test
    void malformedTokenRequestsAreInvalidRequestWhateverTheBodyOrAccept() throws Exception {
        HTTPRequest json = tokenRequest(BASIC, new ClientCredentialsGrant());
        json.setEntityContentType(ContentType.APPLICATION_JSON);
        json.setBody("{\"grant_type\":\"client_credentials\"}");
        assertError(json.send(), OAuth2Error.INVALID_REQUEST, 400);

        HTTPRequest text = tokenRequest(BASIC, new ClientCredentialsGrant());
        text.setEntityContentType(ContentType.TEXT_PLAIN);
        text.setAccept("text/html");
        assertError(text.send(), OAuth2Error.INVALID_REQUEST, 400);

        HTTPRequest noGrantType = tokenRequest(BASIC, new ClientCredentialsGrant());
        noGrantType.setBody("scope=");
        noGrantType.setAccept("application/xml");
        assertError(noGrantType.send(), OAuth2Error.INVALID_REQUEST, 400);

        HTTPRequest multipart = tokenRequest(BASIC, new ClientCredentialsGrant());
        multipart.setHeader("Content-Type", "multipart/form-data; boundary=x");
        multipart.setBody("--x\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nclient_credentials\r\n--x--\r\n");
        multipart.setAccept("text/html");
        assertError(multipart.send(), OAuth2Error.INVALID_REQUEST, 400);

        HTTPRequest unknownCharset = tokenRequest(BASIC, new ClientCredentialsGrant());
        unknownCharset.setHeader("Content-Type", "application/x-www-form-urlencoded; charset=bogus-1");
        assertError(unknownCharset.send(), OAuth2Error.INVALID_REQUEST, 400);

        HTTPRequest notAMediaType = tokenRequest(BASIC, new ClientCredentialsGrant());
        notAMediaType.setHeader("Content-Type", "form");
        notAMediaType.setAccept("text/html,application/xhtml+xml");
        assertError(notAMediaType.send(), OAuth2Error.INVALID_REQUEST, 400);

        HTTPRequest tooLarge = tokenRequest(BASIC, new ClientCredentialsGrant());
        tooLarge.setBody("grant_type=client_credentials&scope=" + "a".repeat(20_000));
        tooLarge.setAccept("text/html");
        assertError(tooLarge.send(), OAuth2Error.INVALID_REQUEST, 400);

        HTTPRequest get = new HTTPRequest(HTTPRequest.Method.GET, tokenEndpoint);
        get.setQuery("grant_type=client_credentials");
        get.setAccept("text/html");
        HTTPResponse notPost = get.send();
        assertError(notPost, OAuth2Error.INVALID_REQUEST, 405);
        assertEquals("POST", notPost.getHeaderValue("Allow"));
    }

    /**
     * The same client posting its habitual form to an Order API endpoint with its token: the
     * documented {@code {exceptionType, errorMessage}} 400, not an empty body (issue 13, item 6).
     */
    @Test
    void aFormPostToTheOrderApiGetsTheDocumentedErrorBody() throws Exception {
        BearerAccessToken clientToken = success(token(BASIC, new ClientCredentialsGrant())).getBearerAccessToken();
        // A form is read and refused (400); a multipart body is a media type the API never takes (415).
        Map<String, String> expected = Map.of("application/x-www-form-urlencoded", "400 ValidationException",
                "multipart/form-data; boundary=x", "415 UnsupportedMediaTypeException");
        for (String type : expected.keySet()) {
            HTTPRequest form = new HTTPRequest(HTTPRequest.Method.POST, credentialEndpoint);
            form.setAuthorization(clientToken.toAuthorizationHeader());
            form.setHeader("Content-Type", type);
            form.setAccept("text/html");
            form.setBody("credential=" + SandboxSeeder.DEMO_EMAIL);
            HTTPResponse response = form.send();
            JSONObject body = response.getBodyAsJSONObject();
            assertEquals(expected.get(type), response.getStatusCode() + " " + body.getAsString("exceptionType"),
                    type + ": " + response.getBody());
            assertNotNull(body.getAsString("errorMessage"), type);
        }
    }

    // --- the client's side -------------------------------------------------------------------

    /** Nimbus builds the authorization request; the login page is filled in like a browser would. */
    private Login logIn() {
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        URI redirectUri = URI.create(BrowserLogin.redirectUri());
        AuthorizationRequest request = new AuthorizationRequest.Builder(ResponseType.CODE, CLIENT)
                .endpointURI(authorizeEndpoint).redirectionURI(redirectUri).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();
        Response page = given().urlEncodingEnabled(false).redirects().follow(false).when().get(request.toURI());
        Response loggedIn = BrowserLogin.postForm(page, "/user/oauth/authorize",
                Map.of("credential", SandboxSeeder.DEMO_EMAIL, "password", SandboxSeeder.DEMO_PASSWORD));
        assertEquals(303, loggedIn.statusCode());

        AuthorizationResponse response = parseRedirect(loggedIn.header("Location"));
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        assertEquals(state, response.getState(), "the state sent comes back unchanged (RFC 6749 §4.1.2)");
        assertEquals(redirectUri, response.getRedirectionURI());
        AuthorizationSuccessResponse success = response.toSuccessResponse();
        assertNotNull(success.getAuthorizationCode());
        return new Login(success.getAuthorizationCode(), redirectUri, verifier);
    }

    private static AuthorizationResponse parseRedirect(String location) {
        try {
            return AuthorizationResponse.parse(URI.create(location));
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError("Nimbus cannot read the redirect " + location, e);
        }
    }

    private HTTPRequest tokenRequest(ClientAuthentication auth, AuthorizationGrant grant) {
        return new TokenRequest.Builder(tokenEndpoint, auth, grant).build().toHTTPRequest();
    }

    private HTTPResponse token(ClientAuthentication auth, AuthorizationGrant grant) throws Exception {
        return tokenRequest(auth, grant).send();
    }

    private static Tokens success(HTTPResponse http) throws Exception {
        TokenResponse response = TokenResponse.parse(http);
        assertTrue(response.indicatesSuccess(), () -> "token error: " + response.toErrorResponse().getErrorObject()
                + " " + http.getBody());
        assertEquals("no-store", http.getCacheControl());
        AccessTokenResponse tokens = response.toSuccessResponse();
        return tokens.getTokens();
    }

    /** Parsed by Nimbus as RFC 6749 §5.2 wants it: the code, the status, JSON, never stored. */
    private static void assertError(HTTPResponse http, ErrorObject expected, int status) throws Exception {
        assertEquals(status, http.getStatusCode(), http.getBody());
        assertEquals("no-store", http.getCacheControl(), "RFC 6749 §5.1: Cache-Control no-store");
        assertTrue(http.getEntityContentType() != null
                && http.getEntityContentType().matches(ContentType.APPLICATION_JSON),
                () -> "JSON, got " + http.getHeaderValue("Content-Type") + ": " + http.getBody());
        TokenResponse response = TokenResponse.parse(http);
        assertFalse(response.indicatesSuccess());
        ErrorObject error = ((TokenErrorResponse) response).getErrorObject();
        assertEquals(expected.getCode(), error.getCode(), http.getBody());
        assertNotNull(error.getDescription(), "an error_description");
        assertEquals(status, error.getHTTPStatusCode());
    }

    private static HTTPResponse bearerGet(URI endpoint, BearerAccessToken token) throws Exception {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, endpoint);
        request.setAuthorization(token.toAuthorizationHeader());
        request.setAccept("application/json");
        return request.send();
    }
}
