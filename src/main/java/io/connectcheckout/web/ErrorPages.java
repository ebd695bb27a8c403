package io.connectcheckout.web;

import io.connectcheckout.common.RequestLocale;
import io.connectcheckout.publisher.Brand;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error that reaches the REST layer into a translated page (or a small JSON body for
 * API clients that ask for JSON) with a reference id that is also logged — never a stack trace.
 *
 * <p>A {@link WebApplicationException} that already carries a body (the APIs' documented error
 * bodies) passes through untouched. Features may declare their own {@code @ServerExceptionMapper}
 * on their resources; those win over these for their paths.
 */
@jakarta.enterprise.context.RequestScoped
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<Integer> PAGES = Set.of(400, 403, 404, 405, 429, 500, 503);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Brand brand, int status, String reference);
    }

    private final RequestLocale requestLocale;
    private final HttpHeaders headers;

    public ErrorPages(RequestLocale requestLocale, HttpHeaders headers) {
        this.requestLocale = requestLocale;
        this.headers = headers;
    }

    /** The translated page for a status, for features that map their own exceptions to one. */
    public Response render(int status) {
        String reference = newReference();
        LOG.debugf("HTTP %d, reference %s", status, reference);
        Response.ResponseBuilder builder = page(status, reference);
        if (status == 503) {
            builder.header(HttpHeaders.RETRY_AFTER, "30");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        if (original != null && original.hasEntity()) {
            return original;
        }
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500 && status != 503) {
            return unexpected(e);
        }
        String reference = newReference();
        LOG.debugf("HTTP %d, reference %s: %s", status, reference, e.getMessage());
        Response.ResponseBuilder builder = page(status, reference);
        if (original != null) {
            copy(original, builder, HttpHeaders.ALLOW);
            copy(original, builder, HttpHeaders.RETRY_AFTER);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = newReference();
        if (isUnavailable(e)) {
            LOG.warnf("HTTP 503, reference %s: a dependency is unavailable: %s", reference, e.toString());
            return page(503, reference).header(HttpHeaders.RETRY_AFTER, "30").build();
        }
        if (isMalformedRequest(e)) {
            LOG.debugf("HTTP 400, reference %s: malformed request: %s", reference, e.getMessage());
            return page(400, reference).build();
        }
        LOG.errorf(e, "HTTP 500, reference %s", reference);
        return page(500, reference).build();
    }

    private Response.ResponseBuilder page(int status, String reference) {
        if (wantsJson()) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("status", status, "reference", reference,
                            "message", Response.Status.fromStatusCode(status) == null
                                    ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase()));
        }
        int shown = PAGES.contains(status) ? status : (status >= 500 ? 500 : 400);
        String html = Templates.error(Brand.DEFAULT, shown, reference).setLocale(requestLocale.get()).render();
        return Response.status(status).type("text/html;charset=UTF-8").entity(html);
    }

    private boolean wantsJson() {
        try {
            List<MediaType> acceptable = headers.getAcceptableMediaTypes();
            for (MediaType type : acceptable) {
                if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                    return false;
                }
                if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                    return true;
                }
            }
        } catch (RuntimeException malformedAccept) {
            // fall through to HTML
        }
        return false;
    }

    static boolean isUnavailable(Throwable e) {
        return Failures.isUnavailable(e);
    }

    /** A body the framework could not even decode (broken percent-encoding), or data the database refuses. */
    static boolean isMalformedRequest(Throwable e) {
        return Failures.isMalformedRequest(e);
    }

    private static void copy(Response from, Response.ResponseBuilder to, String header) {
        Object value = from.getHeaders().getFirst(header);
        if (value != null) {
            to.header(header, value);
        }
    }

    /** A short random id a shopper can read out to support; the same id is in the log line. */
    static String newReference() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toUpperCase();
    }
}
