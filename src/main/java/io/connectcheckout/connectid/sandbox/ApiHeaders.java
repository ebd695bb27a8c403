package io.connectcheckout.connectid.sandbox;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adds {@code X-Mediaconnect-Api-Version} and the caller's rate-limit headers to every Order API response. */
public class ApiHeaders {

    private final ConnectIdSandboxConfig config;
    private final ApiCallState state;

    public ApiHeaders(ConnectIdSandboxConfig config, ApiCallState state) {
        this.config = config;
        this.state = state;
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("/capi/")) {
            return;
        }
        response.getHeaders().putSingle("X-Mediaconnect-Api-Version", config.apiVersion());
        RateLimiter.Decision decision = state.decision();
        if (decision != null) {
            response.getHeaders().putSingle("X-RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("X-RateLimit-Reset", decision.resetEpochSeconds());
        }
    }
}
