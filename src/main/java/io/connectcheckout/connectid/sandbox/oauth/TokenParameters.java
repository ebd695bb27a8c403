package io.connectcheckout.connectid.sandbox.oauth;

import io.vertx.core.MultiMap;
import java.util.List;

/**
 * The parameters of one token request: the form body (RFC 6749 §4.1.3, §4.4.2, §6) and, as a
 * published PHP client sends them, the query string (connectid-api-notes.md §5: "one PHP lib also
 * puts the token params in the query string, per its own comment the server wants them there";
 * connectid-api.md "Evidence from published client code"). A parameter named in the body is taken
 * from the body, whatever the query says. Each is sent at most once in either place (RFC 6749 §3.2)
 * and carries no control characters. The client secret is never read from the query: RFC 6749
 * §2.3.1 says client credentials "MUST NOT be included in the request URI" (they end up in logs).
 */
final class TokenParameters {

    private final MultiMap body;
    private final MultiMap query;

    TokenParameters(MultiMap body, MultiMap query) {
        this.body = body;
        this.query = query;
        if (!query.getAll("client_secret").isEmpty()) {
            throw OAuthProblem.invalidRequest("client_secret must not be sent in the URL (RFC 6749 §2.3.1)");
        }
    }

    /** The parameter's value, or null when absent or empty; {@code invalid_request} when repeated or unsafe. */
    String single(String name) {
        List<String> values = body.getAll(name);
        if (values.isEmpty()) {
            values = query.getAll(name);
        }
        if (values.size() > 1) {
            throw OAuthProblem.invalidRequest(name + " is repeated");
        }
        String value = values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
        if (value != null && TokenRoute.hasControlCharacters(value)) {
            // Never let a NUL or other control character reach a database query (PostgreSQL refuses NUL).
            throw OAuthProblem.invalidRequest(name + " contains control characters");
        }
        return value;
    }

    /** Whether the body names the parameter at all (even empty). */
    boolean inBody(String name) {
        return body.contains(name);
    }
}
