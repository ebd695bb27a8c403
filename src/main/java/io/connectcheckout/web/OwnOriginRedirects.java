package io.connectcheckout.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.Objects;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Keeps the request's {@code Host} header out of {@code Location}. JAX-RS makes a relative
 * redirect ({@code seeOther("/checkout/details")}) absolute against the request's base URI, which
 * comes from the {@code Host} the client sent; a forged one would send the shopper (or a shared
 * cache) to another site. Such a Location is re-based on {@code checkout.public-url}. Redirects to
 * other origins (ConnectID, the payment provider) and the stand-ins' own paths, which have public
 * URLs of their own, are left as they are.
 */
public class OwnOriginRedirects {

    private final URI publicUrl;

    public OwnOriginRedirects(CheckoutConfig config) {
        this.publicUrl = URI.create(config.publicUrl());
    }

    @ServerResponseFilter
    public void rebase(ContainerRequestContext request, ContainerResponseContext response) {
        Object value = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (value == null) {
            return;
        }
        URI location;
        try {
            location = value instanceof URI uri ? uri : URI.create(value.toString());
        } catch (IllegalArgumentException notAUri) {
            return;
        }
        URI requestBase = request.getUriInfo().getBaseUri();
        boolean fromTheRequestsHost = location.isAbsolute()
                && Objects.equals(location.getScheme(), requestBase.getScheme())
                && Objects.equals(location.getRawAuthority(), requestBase.getRawAuthority());
        if (!fromTheRequestsHost || Objects.equals(requestBase.getRawAuthority(), publicUrl.getRawAuthority())
                || isSandboxPath(location.getRawPath())) {
            return;
        }
        String rebased = publicUrl.getScheme() + "://" + publicUrl.getRawAuthority()
                + (location.getRawPath() == null || location.getRawPath().isEmpty() ? "/" : location.getRawPath())
                + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
        response.getHeaders().putSingle(HttpHeaders.LOCATION, URI.create(rebased));
    }

    private static boolean isSandboxPath(String path) {
        return path != null && SandboxGate.SANDBOX_PATHS.stream().anyMatch(path::startsWith);
    }
}
