package io.connectcheckout.connectid.sandbox;

import io.connectcheckout.connectid.api.ApiError;
import io.connectcheckout.connectid.api.OAuthError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every error of the Order API ({@code /capi/...}) carries the documented body
 * {@code {"exceptionType", "errorMessage"}} as JSON, whatever the client's {@code Accept}
 * (connectid-api.md "Hosts and modes", connectid-api-notes.md §0 "Error body"): an unknown path
 * (404), a method the path does not serve (405), an {@code Accept} it cannot serve (406), a refused
 * body (415, 400) or a failure (500, 503) — where the framework or the app's error pages would
 * otherwise answer with an HTML page or a body of their own. Bodies the API already gave
 * ({@link ApiError}, or {@link OAuthError} for token problems) are kept. The headers (e.g.
 * {@code Retry-After}) are kept, and a 405 gets the {@code Allow} header of {@link ApiMethods}
 * (RFC 9110 §15.5.6). A body over {@code quarkus.http.limits.max-body-size} is answered before
 * JAX-RS, by {@link ApiEnvelope}.
 */
public class ApiErrorBodies {

    private final ApiMethods methods;

    public ApiErrorBodies(ApiMethods methods) {
        this.methods = methods;
    }

    @ServerResponseFilter(priority = jakarta.ws.rs.Priorities.USER + 100)
    public void errorBodies(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || !isApi(request.getUriInfo().getPath())) {
            return;
        }
        if (status == 405 && !response.getHeaders().containsKey("Allow")) {
            // RFC 9110 §15.5.6: a 405 names the methods the path serves (the framework's names none).
            String allow = methods.allowHeader(request.getUriInfo().getPath());
            if (!allow.isEmpty()) {
                response.getHeaders().putSingle("Allow", allow);
            }
        }
        Object entity = response.getEntity();
        if (entity instanceof ApiError || entity instanceof OAuthError) {
            return;
        }
        response.setEntity(ApiError.forStatus(status, request.getMethod(), request.getUriInfo().getPath()), null,
                MediaType.APPLICATION_JSON_TYPE);
    }

    static boolean isApi(String path) {
        return ApiError.isApiPath(path);
    }
}
