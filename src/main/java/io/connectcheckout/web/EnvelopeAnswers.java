package io.connectcheckout.web;

import io.connectcheckout.common.Cookies;
import io.connectcheckout.common.RequestLocale;
import io.connectcheckout.connectid.api.ApiError;
import io.connectcheckout.publisher.Brand;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Answers a request refused before it reached a resource (its HTTP envelope was broken): the
 * same translated error page as {@link ErrorPages} (a small JSON body for clients that ask for
 * JSON only), logged at DEBUG with its reference — the client's fault is never an ERROR. On the
 * ConnectID stand-in's Order API ({@code /capi}) the answer is its documented {@link ApiError} body.
 */
final class EnvelopeAnswers {

    private static final Logger LOG = Logger.getLogger(EnvelopeAnswers.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper API_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private EnvelopeAnswers() {
    }

    /** Ends the request with {@code status} and closes the connection (its framing may be broken). */
    static void refuse(RoutingContext rc, int status, String why) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) {
            return;
        }
        String reference = ErrorPages.newReference();
        LOG.debugf("HTTP %d, reference %s: %s %s: %s", status, reference, rc.request().method(),
                rc.request().uri(), why);
        if (response.headWritten()) {
            response.end();
            return;
        }
        response.setStatusCode(status).putHeader("Connection", "close");
        if (ApiError.isApiPath(rc.request().path())) {
            // The ConnectID stand-in's Order API: its documented error body, whatever the Accept.
            response.putHeader("Content-Type", "application/json").end(apiError(status, rc));
            return;
        }
        if (wantsJson(rc.request().getHeader("Accept"))) {
            response.putHeader("Content-Type", "application/json").end(
                    "{\"status\":" + status + ",\"reference\":\"" + reference + "\",\"message\":\""
                            + io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase() + "\"}");
            return;
        }
        int shown = status == 403 || status == 404 || status == 405 ? status : 400;
        response.putHeader("Content-Type", "text/html;charset=UTF-8").end(page(rc, shown, reference));
    }

    private static String apiError(int status, RoutingContext rc) {
        try {
            return API_JSON.writeValueAsString(ApiError.forStatus(status, rc.request().method().name(), rc.request().path()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            return "{\"exceptionType\":\"ValidationException\",\"errorMessage\":\"The request could not be read\"}";
        }
    }

    /**
     * The error page, rendered with a request context of its own: this answer is given before
     * RESTEasy starts one, and the layout reads request-scoped beans (the checkout form's notice).
     */
    private static String page(RoutingContext rc, int status, String reference) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean ours = !requestContext.isActive();
        if (ours) {
            requestContext.activate();
        }
        try {
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(rc);
            RequestLocale locale = Arc.container().instance(RequestLocale.class).get();
            locale.use(switchTo(rc), remembered(rc), acceptable(rc));
            return ErrorPages.Templates.error(Brand.DEFAULT, status, reference).setLocale(locale.get()).render();
        } finally {
            if (ours) {
                requestContext.terminate();
            }
        }
    }

    /** JSON only when the client names it and not HTML (an API client); browsers get the page. */
    private static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains("application/json") && !lower.contains("text/html");
    }

    /*
     * The three inputs of RequestLocale.choose, read leniently: this request's envelope was
     * refused, so any of them may be malformed, and a malformed one counts as absent.
     */

    private static String switchTo(RoutingContext rc) {
        try {
            return rc.queryParams().get("lang");
        } catch (RuntimeException malformedQuery) {
            return null;
        }
    }

    private static String remembered(RoutingContext rc) {
        try {
            Cookies cookies = Arc.container().instance(Cookies.class).get();
            io.vertx.core.http.Cookie cookie = rc.request().getCookie(cookies.name(RequestLocale.COOKIE));
            return cookie == null ? null : cookie.getValue();
        } catch (RuntimeException malformedCookie) {
            return null;
        }
    }

    private static List<String> acceptable(RoutingContext rc) {
        try {
            return rc.acceptableLanguages().stream().map(LanguageHeader::value).toList();
        } catch (RuntimeException malformedHeader) {
            return List.of();
        }
    }
}
