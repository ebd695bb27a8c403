package io.connectcheckout.connectid.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.connectid.api.ApiError;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * A form body ({@code application/x-www-form-urlencoded} or {@code multipart/*}) sent to the
 * Order API ({@code /capi/...}): 400 {@code {"exceptionType": "ValidationException",
 * "errorMessage": ...}}, the documented error body (connectid-api-notes.md §0), before the
 * app's CSRF filter, which answers every form post without its token with an empty 400, or the
 * envelope filter, which answers multipart with a page. OAuth clients post forms, and some were
 * pointed at Order API paths (issue 13, item 6: a form post to {@code /capi/v1/client/credential}
 * got an empty 400). The Order API reads JSON (and, where a client negotiates it, XML), never
 * forms. A Vert.x route, like the token endpoint, so it runs before those filters; with
 * {@code sandbox.enabled=false} it steps aside and the path is a 404 as before.
 */
@ApplicationScoped
public class ApiFormBodies {

    private final SandboxSwitch sandbox;
    private final ConnectIdSandboxConfig config;
    private final ObjectMapper mapper;

    public ApiFormBodies(SandboxSwitch sandbox, ConnectIdSandboxConfig config, ObjectMapper mapper) {
        this.sandbox = sandbox;
        this.config = config;
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.routeWithRegex("/capi/.*").order(-100).handler(this::refuseForms);
    }

    private void refuseForms(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        if (!sandbox.enabled() || type == null || !isForm(type)) {
            rc.next();
            return;
        }
        try {
            rc.response().setStatusCode(400)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Mediaconnect-Api-Version", config.apiVersion())
                    .putHeader("Connection", "close")
                    .end(mapper.writeValueAsString(new ApiError(ApiException.VALIDATION,
                            "Form bodies are not accepted: send the request body as JSON (application/json)")));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }

    private static boolean isForm(String type) {
        String mediaType = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/x-www-form-urlencoded") || mediaType.startsWith("multipart/");
    }
}
