package io.connectcheckout.connectid.sandbox.oauth;

import io.connectcheckout.common.Cookies;
import io.connectcheckout.common.PageBrand;
import io.connectcheckout.common.RequestLocale;
import io.connectcheckout.connectid.sandbox.CidTexts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The login server's browser pages: {@code /user/oauth/authorize} (code flow with state and PKCE
 * S256, behind a login page), the GUI pages {@code /user/login}, {@code /user/createUser} and
 * {@code /user/register} (connectid-api-notes.md §3, "Sibling GUI URLs": log in, then back to the
 * client's returnUrl) and {@code /user/logout}. A redirect URI must equal a registered one, a
 * returnUrl be on the client's return hosts; when it is not, or the client is unknown, the page
 * says so and never redirects. Password and code guessing is slowed by {@link LoginThrottle}.
 */
@Path("/user")
public class LoginPageResource {

    static final String SESSION_COOKIE = "cid_login";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(PageBrand brand, AuthorizeRequest request, String credential,
                Map<String, String> errors);
        static native TemplateInstance badRequest(PageBrand brand);
        static native TemplateInstance codeRequest(PageBrand brand, AuthorizeRequest request, Map<String, String> errors);
        static native TemplateInstance codeEntry(PageBrand brand, AuthorizeRequest request, String credential,
                String codeRequest, Map<String, String> errors);
        static native TemplateInstance loggedOut(PageBrand brand);
    }

    private final OAuthService oauth;
    private final Cookies cookies;
    private final RequestLocale locale;
    private final HttpHeaders headers;
    private final LoginThrottle throttle;
    private final HttpServerRequest http;

    public LoginPageResource(OAuthService oauth, Cookies cookies, RequestLocale locale, HttpHeaders headers,
            LoginThrottle throttle, HttpServerRequest http) {
        this.throttle = throttle;
        this.http = http;
        this.oauth = oauth;
        this.cookies = cookies;
        this.locale = locale;
        this.headers = headers;
    }

    @GET
    @Path("/oauth/authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("response_type") String responseType, @QueryParam("state") String state,
            @QueryParam("code_challenge") String codeChallenge,
            @QueryParam("code_challenge_method") String codeChallengeMethod) {
        AuthorizeRequest request = new AuthorizeRequest(clientId, redirectUri, responseType, state, codeChallenge,
                codeChallengeMethod);
        Optional<String> repeated = repeatedInQuery();
        Optional<CidClient> client = registeredClient(request);
        if (client.isEmpty() || repeated.filter(n -> n.equals("client_id") || n.equals("redirect_uri")).isPresent()) {
            // Where to send the answer is in doubt: say so here, never redirect (RFC 6749 §4.1.2.1).
            return badRequest();
        }
        if (repeated.isPresent()) {
            return request.repeated(repeated.get());
        }
        Optional<Response> protocolError = request.protocolError();
        if (protocolError.isPresent()) {
            return protocolError.get();
        }
        Optional<Long> loggedIn = oauth.sessionUser(cookieValue());
        if (loggedIn.isPresent()) {
            return redirectWithCode(client.get(), loggedIn.get(), request, null);
        }
        return Response.ok(Templates.login(brand(client.get()), request, "", Map.of())).build();
    }

    @POST
    @Path("/oauth/authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@FormParam("client_id") String clientId, @FormParam("redirect_uri") String redirectUri,
            @FormParam("response_type") String responseType, @FormParam("state") String state,
            @FormParam("code_challenge") String codeChallenge,
            @FormParam("code_challenge_method") String codeChallengeMethod,
            @FormParam("credential") String credential, @FormParam("password") String password) {
        AuthorizeRequest request = new AuthorizeRequest(clientId, redirectUri, responseType, state, codeChallenge,
                codeChallengeMethod);
        Optional<CidClient> client = registeredClient(request);
        if (client.isEmpty()) {
            return badRequest();
        }
        Optional<Response> protocolError = request.protocolError();
        if (protocolError.isPresent()) {
            return protocolError.get();
        }
        String shown = credential == null ? "" : credential.substring(0, Math.min(60, credential.length()));
        if (credential == null || credential.isBlank() || password == null || password.isEmpty()) {
            // Nothing to check: say what is missing, and count no guess (issue 14 item 13).
            return Response.status(400).entity(Templates.login(brand(client.get()), request, shown,
                    Map.of("credential", CidTexts.of(locale.get()).login_missing()))).build();
        }
        long wait = throttle.passwordAttempt(credential, address());
        if (wait > 0) {
            return Response.status(429).header("Retry-After", wait)
                    .entity(Templates.login(brand(client.get()), request, shown,
                            Map.of("credential", CidTexts.of(locale.get()).login_throttled()))).build();
        }
        Optional<Long> user = oauth.login(credential, password);
        if (user.isEmpty()) {
            throttle.passwordFailed(credential, address());
            return Response.status(400).entity(Templates.login(brand(client.get()), request, shown,
                    Map.of("credential", CidTexts.of(locale.get()).login_failed()))).build();
        }
        throttle.passwordSucceeded(credential, address());
        String session = oauth.startLoginSession(user.get());
        return redirectWithCode(client.get(), user.get(), request, session);
    }

    @GET
    @Path("/oauth/authorize/code")
    @Produces(MediaType.TEXT_HTML)
    public Response codeRequest(@QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("response_type") String responseType, @QueryParam("state") String state,
            @QueryParam("code_challenge") String codeChallenge,
            @QueryParam("code_challenge_method") String codeChallengeMethod) {
        AuthorizeRequest request = new AuthorizeRequest(clientId, redirectUri, responseType, state, codeChallenge,
                codeChallengeMethod);
        Optional<CidClient> client = registeredClient(request);
        if (client.isEmpty() || request.protocolError().isPresent() || repeatedInQuery().isPresent()) {
            return badRequest();
        }
        return Response.ok(Templates.codeRequest(brand(client.get()), request, Map.of())).build();
    }

    /** Sends a one-time code (if the user exists; the answer looks the same either way) and asks for it. */
    @POST
    @Path("/oauth/authorize/code")
    @Produces(MediaType.TEXT_HTML)
    public Response sendCode(@FormParam("client_id") String clientId, @FormParam("redirect_uri") String redirectUri,
            @FormParam("response_type") String responseType, @FormParam("state") String state,
            @FormParam("code_challenge") String codeChallenge,
            @FormParam("code_challenge_method") String codeChallengeMethod,
            @FormParam("credential") String credential) {
        AuthorizeRequest request = new AuthorizeRequest(clientId, redirectUri, responseType, state, codeChallenge,
                codeChallengeMethod);
        Optional<CidClient> client = registeredClient(request);
        if (client.isEmpty() || request.protocolError().isPresent()) {
            return badRequest();
        }
        if (io.connectcheckout.connectid.sandbox.users.Credential.parse(credential).isEmpty()) {
            return Response.status(400).entity(Templates.codeRequest(brand(client.get()), request,
                    Map.of("credential", CidTexts.of(locale.get()).login_failed()))).build();
        }
        long wait = throttle.takeCodeRequest(credential, address());
        if (wait > 0) {
            return Response.status(429).header("Retry-After", wait).entity(Templates.codeRequest(brand(client.get()),
                    request, Map.of("credential", CidTexts.of(locale.get()).login_code_throttled()))).build();
        }
        String codeRequest = oauth.sendLoginCode(credential, client.get().name);
        return Response.ok(Templates.codeEntry(brand(client.get()), request, credential.trim(), codeRequest, Map.of()))
                .build();
    }

    @POST
    @Path("/oauth/authorize/code/verify")
    @Produces(MediaType.TEXT_HTML)
    public Response verifyCode(@FormParam("client_id") String clientId, @FormParam("redirect_uri") String redirectUri,
            @FormParam("response_type") String responseType, @FormParam("state") String state,
            @FormParam("code_challenge") String codeChallenge,
            @FormParam("code_challenge_method") String codeChallengeMethod,
            @FormParam("credential") String credential, @FormParam("code_request") String codeRequest,
            @FormParam("code") String code) {
        AuthorizeRequest request = new AuthorizeRequest(clientId, redirectUri, responseType, state, codeChallenge,
                codeChallengeMethod);
        Optional<CidClient> client = registeredClient(request);
        if (client.isEmpty() || request.protocolError().isPresent()) {
            return badRequest();
        }
        String shown = credential == null ? "" : credential.substring(0, Math.min(60, credential.length()));
        String keptRequest = codeRequest == null || codeRequest.length() > 100 ? "" : codeRequest;
        long wait = throttle.codeAttempt(credential, address());
        if (wait > 0) {
            return Response.status(429).header("Retry-After", wait).entity(Templates.codeEntry(brand(client.get()),
                    request, shown, keptRequest, Map.of("code", CidTexts.of(locale.get()).login_code_throttled())))
                    .build();
        }
        Optional<Long> user = oauth.loginWithCode(credential, codeRequest, code);
        if (user.isEmpty()) {
            throttle.codeFailed(credential, address());
            return Response.status(400).entity(Templates.codeEntry(brand(client.get()), request, shown, keptRequest,
                    Map.of("code", CidTexts.of(locale.get()).login_code_failed()))).build();
        }
        throttle.codeSucceeded(credential, address());
        return redirectWithCode(client.get(), user.get(), request, oauth.startLoginSession(user.get()));
    }

    /**
     * {@code GET /user/login}, {@code /user/createUser}, {@code /user/register}
     * ({@code ?clientId&returnUrl&errorUrl[&credential]}, connectid-api-notes.md §3): a browser
     * with a login session goes straight back to returnUrl; any other gets the login page (password
     * or one-time code), and after it goes back to returnUrl. Our choice: createUser and register
     * show the same page, as the sandbox creates users only through the Assign-user API.
     */
    @GET
    @Path("/{page: login|createUser|register}")
    @Produces(MediaType.TEXT_HTML)
    public Response gui(@QueryParam("clientId") String clientId, @QueryParam("returnUrl") String returnUrl,
            @QueryParam("errorUrl") String errorUrl, @QueryParam("credential") String credential) {
        Optional<CidClient> client = QuarkusTransaction.requiringNew().call(() -> CidClient.byClientId(clientId)
                .filter(c -> c.allowsReturnUrl(returnUrl))
                .filter(c -> errorUrl == null || errorUrl.isEmpty() || c.allowsReturnUrl(errorUrl)));
        if (client.isEmpty()) {
            return badRequest();
        }
        if (oauth.sessionUser(cookieValue()).isPresent()) {
            return Response.seeOther(URI.create(returnUrl)).build();
        }
        AuthorizeRequest request = new AuthorizeRequest(clientId, returnUrl, AuthorizeRequest.NONE, null, null, null);
        String shown = credential == null ? "" : credential.substring(0, Math.min(60, credential.length()));
        return Response.ok(Templates.login(brand(client.get()), request, shown, Map.of())).build();
    }

    @GET
    @Path("/logout")
    @Produces(MediaType.TEXT_HTML)
    public Response logout(@QueryParam("clientId") String clientId, @QueryParam("returnUrl") String returnUrl) {
        oauth.endLoginSession(cookieValue());
        Optional<CidClient> client = QuarkusTransaction.requiringNew().call(() -> CidClient.byClientId(clientId));
        Response.ResponseBuilder response;
        if (client.isPresent() && client.get().allowsReturnUrl(returnUrl)) {
            response = Response.seeOther(URI.create(returnUrl));
        } else {
            response = Response.ok(Templates.loggedOut(client.map(LoginPageResource::brand).orElse(PageBrand.NEUTRAL)));
        }
        return response.cookie(cookies.create(SESSION_COOKIE, "", 0)).build();
    }

    /** The client, when the request's redirect URI is registered for it (a GUI login: on its return hosts). */
    private Optional<CidClient> registeredClient(AuthorizeRequest request) {
        return QuarkusTransaction.requiringNew().call(() -> CidClient.byClientId(request.clientId())
                .filter(c -> request.gui() ? c.allowsReturnUrl(request.redirectUri())
                        : c.redirectUriRegistered(request.redirectUri())));
    }

    /** Back to the client: with a code (RFC 6749 §4.1.2), or for a GUI login just to its return URL. */
    private Response redirectWithCode(CidClient client, Long userPk, AuthorizeRequest request, String newSession) {
        String code = request.gui() ? null
                : oauth.issueCode(client.id, userPk, request.redirectUri(), request.codeChallenge());
        Response.ResponseBuilder response = Response.seeOther(
                AuthorizeRequest.withParams(request.redirectUri(), "code", code, "state", request.state()));
        if (newSession != null) {
            response.cookie(cookies.create(SESSION_COOKIE, newSession, -1));
        }
        return response.build();
    }

    /**
     * The first authorization parameter the query sends more than once (RFC 6749 §3.1), as the token
     * endpoint refuses a repeated parameter; JAX-RS' {@code @QueryParam} takes the first silently.
     * The form posts carry the parameters in the login pages' own hidden fields, behind the CSRF check.
     */
    private Optional<String> repeatedInQuery() {
        return AuthorizeRequest.PARAMETERS.stream().filter(name -> http.params().getAll(name).size() > 1).findFirst();
    }

    private Response badRequest() {
        return Response.status(400).entity(Templates.badRequest(PageBrand.NEUTRAL)).build();
    }

    private String address() {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }

    private String cookieValue() {
        jakarta.ws.rs.core.Cookie cookie = headers.getCookies().get(cookies.name(SESSION_COOKIE));
        return cookie == null ? null : cookie.getValue();
    }

    static PageBrand brand(CidClient client) {
        return new PageBrand(client.name);
    }
}
