package io.connectcheckout.connectid.sandbox;

import io.connectcheckout.connectid.api.ApiError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Content negotiation of the Order API ({@code /capi/...}): JSON or XML, by the client's
 * {@code Accept} weights (RFC 9110 §12.5.1, the most specific range naming a type gives its
 * weight) — decided here, before the resource is matched, and handed on as a plain {@code Accept}
 * of the API's own types, so the framework's choice follows it:
 * <ul>
 * <li>No {@code Accept}, or one that prefers neither (e.g. {@code *}{@code /*}): JSON, the default —
 * unless the request's body is XML: old clients that post XML read the answer as XML
 * (connectid-api-notes.md §0), in the type they sent ({@code application/xml} or {@code text/xml}).</li>
 * <li>Otherwise the acceptable type with the higher weight; {@code text/xml} is served as XML with
 * that {@code Content-Type}. A type given {@code q=0} is never sent.</li>
 * <li>An {@code Accept} that names nothing the API writes (a browser's {@code text/html}, a library's
 * {@code text/plain}) gets JSON: RFC 9110 §12.5.1 lets a server disregard {@code Accept}, the real
 * ConnectID's clients read JSON whatever they announce (connectid-api.md "Evidence"), and a 406 hid
 * the answer that mattered (a 401, a 400 — found by the outside attack).</li>
 * <li>An {@code Accept} that refuses JSON ({@code q=0}) and accepts no XML either: 406 with the
 * documented body (which, like every {@code /capi} error, is JSON: connectid-api-notes.md §0).</li>
 * </ul>
 * The answer's {@code Content-Type} carries no {@code Accept} parameters ({@code q=…}, found by the
 * outside attack, finding 6): only the type and its charset.
 */
public class ApiAccept {

    private static final String TEXT_XML = ApiAccept.class.getName() + ".textXml";
    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final String XML = MediaType.APPLICATION_XML;

    private final SandboxSwitch sandbox;

    public ApiAccept(SandboxSwitch sandbox) {
        this.sandbox = sandbox;
    }

    @ServerRequestFilter(preMatching = true, priority = 5)
    public Response negotiate(ContainerRequestContext request) {
        if (!sandbox.enabled() || !ApiError.isApiPath(request.getUriInfo().getPath())) {
            return null;
        }
        MediaType body = bodyType(request);
        boolean xmlBody = JsonBodies.isXml(body);
        boolean textXmlBody = xmlBody && body.getType().equalsIgnoreCase("text");
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            if (xmlBody) {
                use(request, true, textXmlBody);
            }
            return null;
        }
        AcceptWeights weights = AcceptWeights.parse(accept);
        double json = weights.of("application", "json");
        double applicationXml = weights.of("application", "xml");
        double textXml = weights.of("text", "xml");
        double xml = Math.max(applicationXml, textXml);
        if (json == 0 && xml == 0) {
            if (weights.names("application", "json")) {
                return Response.status(406).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(ApiError.forStatus(406, request.getMethod(), request.getUriInfo().getPath())).build();
            }
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, JSON);
            return null;
        }
        boolean preferXml = xml > json || (xml == json && xmlBody);
        if (preferXml) {
            use(request, json > 0, textXml > applicationXml || (textXml == applicationXml && textXmlBody));
        } else {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, xml > 0 ? JSON + ", " + XML + ";q=0.5" : JSON);
            request.setProperty(TEXT_XML, textXml > applicationXml);
        }
        return null;
    }

    /** The body's media type; none when the header cannot be read (the envelope checks refuse that). */
    private static MediaType bodyType(ContainerRequestContext request) {
        try {
            return request.getMediaType();
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** XML first; JSON second when acceptable (for the endpoints that answer only JSON). */
    private static void use(ContainerRequestContext request, boolean jsonToo, boolean asTextXml) {
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, jsonToo ? XML + ", " + JSON + ";q=0.5" : XML);
        request.setProperty(TEXT_XML, asTextXml);
    }

    /** Only the type and its charset in {@code Content-Type}; {@code text/xml} where the client asked for it. */
    @ServerResponseFilter
    public void contentType(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !ApiError.isApiPath(request.getUriInfo().getPath())) {
            return;
        }
        boolean asTextXml = Boolean.TRUE.equals(request.getProperty(TEXT_XML)) && JsonBodies.isXml(type);
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (!asTextXml && type.getParameters().keySet().stream().allMatch(MediaType.CHARSET_PARAMETER::equalsIgnoreCase)) {
            return;
        }
        Map<String, String> parameters = new HashMap<>();
        parameters.put(MediaType.CHARSET_PARAMETER, charset == null ? "UTF-8" : charset);
        MediaType clean = asTextXml ? new MediaType("text", "xml", parameters)
                : new MediaType(type.getType(), type.getSubtype(), parameters);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, clean);
    }
}
