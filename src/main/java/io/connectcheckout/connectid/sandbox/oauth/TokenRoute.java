package io.connectcheckout.connectid.sandbox.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.connectid.api.OAuthError;
import io.connectcheckout.connectid.api.TokenResponse;
import io.connectcheckout.connectid.sandbox.SandboxSwitch;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code POST /user/oauth/token}. A Vert.x route, not a JAX-RS resource: it is a form post made
 * server to server without the CSRF cookie, so it must live outside the JAX-RS CSRF filter. For
 * the same reason it checks {@code sandbox.enabled} itself. Parameters come from the form body and,
 * as a published PHP client sends them, the query string ({@link TokenParameters}); wrong client
 * secrets are slowed down ({@link ClientSecretThrottle}).
 */
@ApplicationScoped
public class TokenRoute {

    static final String PATH = "/user/oauth/token";
    private static final Logger LOG = Logger.getLogger(TokenRoute.class);

    private final OAuthService oauth;
    private final ObjectMapper mapper;
    private final SandboxSwitch sandbox;
    private final ClientSecretThrottle throttle;

    public TokenRoute(OAuthService oauth, ObjectMapper mapper, SandboxSwitch sandbox, ClientSecretThrottle throttle) {
        this.oauth = oauth;
        this.mapper = mapper;
        this.sandbox = sandbox;
        this.throttle = throttle;
    }

    /**
     * Routed before the application's own request filters (order -100), so every answer on this
     * path, an error included, is the RFC 6749 §5.1/§5.2 JSON with {@code Cache-Control: no-store},
     * whatever the client's {@code Accept}, body type or method. A body over {@value #BODY_LIMIT}
     * bytes fails in the body handler: the route's failure handler answers it the same way.
     */
    void register(@Observes Router router) {
        router.route(HttpMethod.POST, PATH).order(-100)
                .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
                .blockingHandler(this::handle, false)
                .failureHandler(this::failed);
        router.route(PATH).order(-99).handler(this::notPost);
    }

    static final int BODY_LIMIT = 8192;

    /** RFC 6749 §3.2: the client must use POST; anything else is an invalid request, never a page. */
    private void notPost(RoutingContext rc) {
        if (!sandbox.enabled() || rc.request().method() == HttpMethod.POST) {
            rc.next();
            return;
        }
        rc.response().putHeader("Allow", "POST");
        respond(rc, 405, new OAuthError("invalid_request", "The token endpoint accepts only POST"));
    }

    /** A request the body handler could not take (too large, broken framing): still the RFC 6749 body. */
    private void failed(RoutingContext rc) {
        if (rc.response().ended() || rc.response().closed() || rc.response().headWritten()) {
            return;
        }
        if (!sandbox.enabled()) {
            rc.response().setStatusCode(404).end();
        } else if (rc.statusCode() == 413) {
            respond(rc, 400, new OAuthError("invalid_request", "The request body is larger than " + BODY_LIMIT + " bytes"));
        } else if (rc.statusCode() >= 400 && rc.statusCode() < 500) {
            respond(rc, 400, new OAuthError("invalid_request", "The request could not be read"));
        } else {
            rc.next();
        }
    }

    private void handle(RoutingContext rc) {
        if (!sandbox.enabled()) {
            rc.response().setStatusCode(404).end();
            return;
        }
        try {
            checkContentType(rc.request().headers().getAll("Content-Type"));
            TokenParameters params = new TokenParameters(rc.request().formAttributes(), query(rc));
            Long clientPk = authenticate(rc, params);
            String grant = params.single("grant_type");
            if (grant == null) {
                throw OAuthProblem.invalidRequest("grant_type is required");
            }
            TokenResponse tokens = switch (grant) {
                case "authorization_code" -> oauth.exchangeCode(clientPk, params.single("code"),
                        params.single("redirect_uri"), params.single("code_verifier"));
                case "client_credentials" -> oauth.clientCredentials(clientPk);
                case "refresh_token" -> oauth.refresh(clientPk, params.single("refresh_token"));
                default -> throw new OAuthProblem(400, "unsupported_grant_type", "Unsupported grant_type");
            };
            respond(rc, 200, tokens);
        } catch (OAuthProblem problem) {
            if (problem.status() == 401) {
                rc.response().putHeader("WWW-Authenticate", "Basic realm=\"connectid\"");
            }
            respond(rc, problem.status(), new OAuthError(problem.error(), problem.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Token endpoint failed", e);
            respond(rc, 500, new OAuthError("server_error", "Internal error"));
        }
    }

    /** The query string's parameters; an undecodable query is an invalid request. */
    private static MultiMap query(RoutingContext rc) {
        try {
            return rc.queryParams();
        } catch (RuntimeException undecodable) {
            throw OAuthProblem.invalidRequest("The query string could not be read");
        }
    }

    /**
     * RFC 6749 §4.1.3/§4.4.2/§6 and Appendix B: one {@code Content-Type}, exactly
     * {@code application/x-www-form-urlencoded} (any case), and a charset, if named, that this
     * JVM knows. Anything else (JSON, text/plain, multipart, a malformed header) is
     * {@code invalid_request}.
     */
    static void checkContentType(List<String> types) {
        if (types.size() != 1) {
            throw OAuthProblem.invalidRequest(types.isEmpty() ? "Content-Type must be application/x-www-form-urlencoded"
                    : "Content-Type is repeated");
        }
        String[] parts = types.get(0).split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/x-www-form-urlencoded")) {
            throw OAuthProblem.invalidRequest("Content-Type must be application/x-www-form-urlencoded");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].trim().replace("\"", "");
                if (!knownCharset(charset)) {
                    throw OAuthProblem.invalidRequest("Unknown charset in Content-Type (the parameters are UTF-8)");
                }
            }
        }
    }

    private static boolean knownCharset(String name) {
        try {
            return !name.isEmpty() && Charset.isSupported(name);
        } catch (IllegalArgumentException illegalName) {
            return false;
        }
    }

    /**
     * HTTP Basic (RFC 6749 §2.3.1, form-encoded id and secret) or client_id/client_secret fields,
     * never both at once (RFC 6749 §2.3: "The client MUST NOT use more than one authentication method
     * in each request"). Wrong secrets are slowed down per client and address ({@link ClientSecretThrottle}).
     */
    private Long authenticate(RoutingContext rc, TokenParameters params) {
        String clientId = params.single("client_id");
        String secret = params.single("client_secret");
        String header = rc.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (params.inBody("client_secret")) {
                throw OAuthProblem.invalidRequest(
                        "Authenticate one way: HTTP Basic or client_secret in the body, not both (RFC 6749 §2.3)");
            }
            String[] pair = basic(header);
            if (clientId != null && !clientId.equals(pair[0])) {
                throw OAuthProblem.invalidRequest("client_id differs from the HTTP Basic credentials");
            }
            clientId = pair[0];
            secret = pair[1];
        }
        if (clientId == null || secret == null) {
            throw OAuthProblem.invalidClient();
        }
        String address = rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().hostAddress();
        long wait = throttle.attempt(clientId, address);
        if (wait > 0) {
            // RFC 6749 §5.2 has no error for "slow down" at the token endpoint (temporarily_unavailable
            // is §4.1.2.1's, for the authorization endpoint); what is refused is client authentication,
            // so invalid_client, with RFC 6585 §4's 429 and Retry-After to say it is a wait.
            rc.response().putHeader("Retry-After", String.valueOf(wait));
            throw new OAuthProblem(429, "invalid_client",
                    "Too many failed client authentications; retry after " + wait + " seconds");
        }
        Optional<Long> client = oauth.authenticateClient(clientId, secret);
        if (client.isEmpty()) {
            // Counted already, before the check (ClientSecretThrottle.attempt); now settled as a failure.
            throttle.failed(clientId, address);
            throw OAuthProblem.invalidClient();
        }
        throttle.succeeded(clientId, address);
        return client.get();
    }

    /** The id and secret of an HTTP Basic header; {@code invalid_client} when it cannot be read. */
    private static String[] basic(String header) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthProblem.invalidClient();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || hasControlCharacters(decoded)) {
            throw OAuthProblem.invalidClient();
        }
        String[] pair;
        try {
            pair = new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException malformedEscape) {
            throw OAuthProblem.invalidClient();
        }
        if (hasControlCharacters(pair[0])) {
            throw OAuthProblem.invalidClient();
        }
        return pair;
    }

    static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private void respond(RoutingContext rc, int status, Object body) {
        try {
            rc.response().setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("Pragma", "no-cache")
                    .end(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
