package io.connectcheckout.connectid.sandbox;

import io.connectcheckout.connectid.api.ApiError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The Order API ({@code /capi/...}) answers JSON to a client whose {@code Accept} names neither
 * JSON nor XML (nor a wildcard that covers them): a browser's {@code text/html}, a library's
 * {@code text/plain}. RFC 9110 §12.5.1 lets a server disregard {@code Accept} and send its default
 * rather than 406; the real ConnectID's clients read JSON whatever they announce (connectid-api.md,
 * "Evidence from published client code"), and a 406 decided before authentication hid the answer
 * that mattered (a missing token's 401, a malformed body's 400 — found by the outside attack).
 * A client that asks for XML still gets XML.
 */
public class ApiAccept {

    @ServerRequestFilter(preMatching = true, priority = 5)
    public void defaultToJson(ContainerRequestContext request) {
        if (!ApiError.isApiPath(request.getUriInfo().getPath())) {
            return;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && !servable(accept.toLowerCase(Locale.ROOT))) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
    }

    /** Whether one of the media ranges (RFC 9110 §12.5.1) covers a type the Order API writes. */
    private static boolean servable(String accept) {
        return java.util.Arrays.stream(accept.split(",")).map(range -> range.split(";", 2)[0].trim())
                .anyMatch(SERVED::contains);
    }

    private static final java.util.Set<String> SERVED = java.util.Set.of("application/json", "application/xml", "*/*",
            "application/*");
}
