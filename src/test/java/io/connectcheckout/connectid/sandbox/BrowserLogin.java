package io.connectcheckout.connectid.sandbox;

import static io.restassured.RestAssured.given;

import io.connectcheckout.connectid.sandbox.oauth.Pkce;
import io.connectcheckout.testing.FromAddress;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the real login page like a browser: GET the page, post the form with its CSRF cookie and field. */
public final class BrowserLogin {

    public static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-test-verifier";
    private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\sname=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("\\svalue=\"([^\"]*)\"");

    private BrowserLogin() {
    }

    public static String redirectUri() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/checkout/auth/callback";
    }

    /** The authorization request's query, with PKCE S256 over {@link #VERIFIER}. */
    public static Map<String, String> authorizeParams(String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", CidTestSupport.CLIENT);
        params.put("redirect_uri", redirectUri());
        params.put("response_type", "code");
        params.put("state", state);
        params.put("code_challenge", Pkce.challengeOf(VERIFIER));
        params.put("code_challenge_method", "S256");
        return params;
    }

    /** Opens the login page and posts the credentials; returns the response to the form post (not followed). */
    public static Response login(Map<String, String> params, String credential, String password) {
        return loginFrom(null, params, credential, password);
    }

    /** {@link #login} from another loopback address ({@link FromAddress}); {@code null}: the usual one. */
    public static Response loginFrom(String address, Map<String, String> params, String credential, String password) {
        Response page = client(address).redirects().follow(false).queryParams(params).when().get("/user/oauth/authorize");
        return postFormFrom(address, page, "/user/oauth/authorize", Map.of("credential", credential, "password", password));
    }

    /** Posts the form on {@code page} with its hidden fields (CSRF token included), its cookie and extra fields. */
    public static Response postForm(Response page, String action, Map<String, String> fields) {
        return postFormFrom(null, page, action, fields);
    }

    /** {@link #postForm} from another loopback address ({@link FromAddress}); {@code null}: the usual one. */
    public static Response postFormFrom(String address, Response page, String action, Map<String, String> fields) {
        if (page.statusCode() != 200) {
            throw new AssertionError("expected a page with a form, got HTTP " + page.statusCode());
        }
        Map<String, String> form = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page.asString());
        while (m.find()) {
            Matcher name = NAME.matcher(m.group());
            Matcher value = VALUE.matcher(m.group());
            if (name.find()) {
                String v = value.find() ? value.group(1) : "";
                form.put(name.group(1), v.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\""));
            }
        }
        form.putAll(fields);
        return client(address).redirects().follow(false).cookies(page.cookies()).contentType(ContentType.URLENC)
                .formParams(form).when().post(action);
    }

    private static io.restassured.specification.RequestSpecification client(String address) {
        return address == null ? given() : FromAddress.given(address);
    }

    /** The query parameter {@code name} of a redirect's Location. */
    public static String queryParam(String location, String name) {
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Logs the demo user in through the page and exchanges the code: a user access token and refresh token. */
    public static Map<String, String> userTokens(String email, String password) {
        Response login = login(authorizeParams("s1"), email, password);
        if (login.statusCode() != 303) {
            throw new AssertionError("login failed: HTTP " + login.statusCode());
        }
        String code = queryParam(login.header("Location"), "code");
        Response tokens = exchange(code, VERIFIER);
        return Map.of("access", tokens.path("access_token"), "refresh", tokens.path("refresh_token"));
    }

    public static Response exchange(String code, String verifier) {
        var request = given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", redirectUri());
        if (verifier != null) {
            request.formParam("code_verifier", verifier);
        }
        return request.when().post("/user/oauth/token");
    }
}
