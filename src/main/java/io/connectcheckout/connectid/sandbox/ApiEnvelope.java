package io.connectcheckout.connectid.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.connectid.api.ApiError;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Order API's HTTP envelope, seen by Vert.x before the app's other filters and before
 * JAX-RS (outside attack of 2026-12-03, findings 4, 5 and 12b), on every {@code /capi} request:
 * <ul>
 * <li>Every answer, whoever gives it (a resource, JAX-RS, the app's envelope checks, Vert.x),
 * carries {@code X-Mediaconnect-Api-Version} (connectid-api-notes.md §0), and none sets the pages'
 * CSRF cookie: the Order API is called with bearer tokens, never from a browser form, so it has no use
 * for one. Quarkus REST's CSRF filter creates the cookie on every safe request that has none unless
 * {@code quarkus.rest-csrf.create-token-path} lists exact paths; the pages with forms include
 * templated ones ({@code /checkout/{publisher}/{offer}}, {@code /psp/pay/{id}}, {@code /user/link/{token}})
 * that such a list cannot name, so the cookie is taken off the Order API's answers here instead.</li>
 * <li>A body announced larger than {@code quarkus.http.limits.max-body-size} gets 413 with the
 * documented body (Quarkus' own check would answer an empty 413); a chunked one (no length
 * announced) is read here with that limit, so one that grows past it is failed with 413 and
 * answered by the failure handlers with the documented body (the framework's own reader would end
 * the answer empty).</li>
 * <li>{@code OPTIONS} gets 405 with the methods the path serves in {@code Allow} ({@link ApiMethods};
 * the site answers OPTIONS with 405 everywhere, no CORS), or 404 for a path the API does not have.</li>
 * </ul>
 */
@ApplicationScoped
public class ApiEnvelope {

    static final String VERSION_HEADER = "X-Mediaconnect-Api-Version";

    /*
     * Read once: the handlers below also run for a request that fails while the application shuts
     * down, when no bean can be reached any more.
     */
    private final boolean enabled;
    private final String version;
    private final ApiMethods methods;
    private final ObjectMapper mapper;
    private final Optional<MemorySize> maxBody;
    private final String csrfCookie;
    private final BodyHandler chunkedBodies;

    public ApiEnvelope(ConnectIdSandboxConfig config, SandboxSwitch sandbox, ApiMethods methods, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String csrfCookie) {
        this.enabled = sandbox.enabled();
        this.version = config.apiVersion();
        this.methods = methods;
        this.mapper = mapper;
        this.maxBody = maxBody;
        this.csrfCookie = csrfCookie;
        this.chunkedBodies = maxBody.map(limit -> BodyHandler.create(false).setBodyLimit(limit.asLongValue())
                .setHandleFileUploads(false)).orElse(null);
    }

    /** Before the app's envelope checks (web.RequestEnvelope, 90) and security headers (100). */
    void register(@Observes Filters filters) {
        filters.register(this::filter, 110);
    }

    /**
     * A request Vert.x refuses before any route runs (no {@code Host}, a broken request line) goes
     * straight to the failure handlers: this one, registered ahead of the app's (web.EnvelopeFailures,
     * same order, later observer), adds the version header to the documented body that one writes.
     */
    void registerFailures(@Observes @jakarta.annotation.Priority(1000) io.vertx.ext.web.Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            if (enabled && ApiError.isApiPath(rc.request().path()) && !rc.response().headWritten()) {
                rc.response().putHeader(VERSION_HEADER, version);
            }
            rc.next();
        });
    }

    private void filter(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (!enabled || !ApiError.isApiPath(path)) {
            rc.next();
            return;
        }
        HttpServerResponse response = rc.response();
        response.putHeader(VERSION_HEADER, version);
        rc.addHeadersEndHandler(ignored -> {
            response.putHeader(VERSION_HEADER, version);
            response.removeCookie(csrfCookie, false);
        });
        if (rc.request().method() == HttpMethod.OPTIONS) {
            String allow = methods.allowHeader(path);
            if (allow.isEmpty()) {
                refuse(rc, 404, false);
            } else {
                response.putHeader("Allow", allow);
                refuse(rc, 405, false);
            }
            return;
        }
        if (announcedTooLarge(rc)) {
            refuse(rc, 413, true);
            return;
        }
        if (chunkedBodies != null && rc.request().getHeader("Content-Length") == null
                && rc.request().getHeader("Transfer-Encoding") != null) {
            // Read here, with the limit: past it Vert.x fails the request with 413 and the failure
            // handlers answer with the documented body (the framework's reader would end it empty).
            chunkedBodies.handle(rc);
            return;
        }
        rc.next();
    }

    private boolean announcedTooLarge(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length == null || maxBody.isEmpty()) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > maxBody.get().asLongValue();
        } catch (NumberFormatException notANumber) {
            return false; // the app's envelope checks refuse it
        }
    }

    private void refuse(RoutingContext rc, int status, boolean close) {
        String body;
        try {
            body = mapper.writeValueAsString(ApiError.forStatus(status, rc.request().method().name(), rc.normalizedPath()));
        } catch (JsonProcessingException impossible) {
            body = "{\"exceptionType\":\"ValidationException\",\"errorMessage\":\"The request was refused\"}";
        }
        HttpServerResponse response = rc.response().setStatusCode(status).putHeader("Content-Type", "application/json");
        if (close) {
            // The body was not read: the connection cannot carry another request.
            response.putHeader("Connection", "close");
            response.endHandler(ignored -> rc.request().connection().close());
        }
        response.end(body);
    }
}
