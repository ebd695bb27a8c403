package io.connectcheckout.connectid.sandbox.oauth;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An authorization request (RFC 6749 §4.1.1, PKCE RFC 7636), carried through the login forms in
 * hidden fields and checked again on every post. {@code responseType} is {@code code}, or
 * {@code none} for the login server's GUI pages ({@code /user/login}, {@code /user/createUser},
 * {@code /user/register}: log in, then back to {@code redirectUri} = the client's returnUrl, no
 * code; OAuth 2.0 Multiple Response Type Encoding Practices §4).
 */
public record AuthorizeRequest(String clientId, String redirectUri, String responseType, String state,
        String codeChallenge, String codeChallengeMethod) {

    /** The response type of the GUI pages: log in and go back, no code. */
    public static final String NONE = "none";

    /** Whether this is a GUI login ({@link #NONE}), which goes back to a return URL, not a redirect URI. */
    public boolean gui() {
        return NONE.equals(responseType);
    }

    /** The request as a query string, for links between the login pages. */
    public String query() {
        StringBuilder q = new StringBuilder();
        add(q, "client_id", clientId);
        add(q, "redirect_uri", redirectUri);
        add(q, "response_type", responseType);
        add(q, "state", state);
        add(q, "code_challenge", codeChallenge);
        add(q, "code_challenge_method", codeChallengeMethod);
        return q.toString();
    }

    private static void add(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append(q.length() == 0 ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** Errors the client can be told about by redirect (RFC 6749 §4.1.2.1), once the redirect URI is trusted. */
    Optional<Response> protocolError() {
        if (gui()) {
            return Optional.empty();
        }
        if (!"code".equals(responseType)) {
            return Optional.of(errorRedirect("unsupported_response_type"));
        }
        if (state != null && state.length() > 500) {
            return Optional.of(errorRedirect("invalid_request"));
        }
        if (codeChallenge != null || codeChallengeMethod != null) {
            if (!"S256".equals(codeChallengeMethod) || !Pkce.validChallenge(codeChallenge)) {
                return Optional.of(errorRedirect("invalid_request"));
            }
        }
        return Optional.empty();
    }

    /** The parameters RFC 6749 §4.1.1 and RFC 7636 §4.3 define for this request. */
    static final java.util.List<String> PARAMETERS = java.util.List.of("client_id", "redirect_uri", "response_type",
            "state", "code_challenge", "code_challenge_method");

    /**
     * A request whose parameter {@code name} was sent more than once (RFC 6749 §3.1: "MUST NOT be
     * included more than once"), once its client and redirect URI were each sent once and are
     * trusted: {@code invalid_request} by redirect; a repeated state is not echoed (which one?).
     */
    Response repeated(String name) {
        String echoed = !"state".equals(name) && state != null && state.length() <= 500 ? state : null;
        return Response.seeOther(withParams(redirectUri, "error", "invalid_request", "error_description",
                name + " is repeated", "state", echoed)).build();
    }

    private Response errorRedirect(String error) {
        String echoed = state != null && state.length() <= 500 ? state : null;
        return Response.seeOther(withParams(redirectUri, "error", error, "state", echoed)).build();
    }

    /**
     * The registered redirect URI plus parameters, each value encoded as plain data. Not
     * {@code UriBuilder.queryParam}: it reads "{...}" in a value as a URI template, so a client's
     * {@code state} such as "{x}" made the redirect fail with a 500.
     */
    static URI withParams(String redirectUri, String... namesAndValues) {
        StringBuilder target = new StringBuilder(redirectUri);
        char separator = redirectUri.indexOf('?') >= 0 ? '&' : '?';
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                target.append(separator).append(namesAndValues[i]).append('=')
                        .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return URI.create(target.toString());
    }
}
