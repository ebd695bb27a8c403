package io.connectcheckout.web;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * With {@code sandbox.enabled=false} (production), the sandboxes' paths answer 404 as if they
 * did not exist: the ConnectID stand-in ({@code /user}, {@code /capi}) and the payment stand-in
 * ({@code /psp}).
 */
public class SandboxGate {

    static final List<String> SANDBOX_PATHS = List.of("/user/", "/capi/", "/psp/");

    private final boolean enabled;

    public SandboxGate(@ConfigProperty(name = "sandbox.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    @ServerRequestFilter(preMatching = true, priority = 10)
    public void gate(ContainerRequestContext request) {
        if (enabled) {
            return;
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
        for (String prefix : SANDBOX_PATHS) {
            if (path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))) {
                throw new NotFoundException();
            }
        }
    }
}
