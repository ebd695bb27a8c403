package io.connectcheckout.connectid.sandbox.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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
}
