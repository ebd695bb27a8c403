package io.connectcheckout.support;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * HTTP Basic in front of {@code /support}: the operator's name compared in constant time, the
 * password checked against its bcrypt hash. With no hash configured the support view does not
 * exist (404). Failed attempts are logged without the password.
 */
public class OperatorGate {

    private static final Logger LOG = Logger.getLogger(OperatorGate.class);
    private final OperatorConfig config;

    public OperatorGate(OperatorConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true, priority = 20)
    public Response check(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
        if (!path.equals("/support") && !path.startsWith("/support/")) {
            return null;
        }
        if (config.passwordHash().isEmpty() || config.username().isEmpty()) {
            throw new NotFoundException();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && header.length() < 1000) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    boolean nameOk = MessageDigest.isEqual(pair.substring(0, colon).getBytes(StandardCharsets.UTF_8),
                            config.username().get().getBytes(StandardCharsets.UTF_8));
                    boolean passwordOk = BcryptUtil.matches(pair.substring(colon + 1), config.passwordHash().get());
                    if (nameOk && passwordOk) {
                        return null;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // fall through to 401
            }
            LOG.infof("Refused support login from %s", request.getHeaderString("X-Forwarded-For"));
        }
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Connect Checkout support\", charset=\"UTF-8\"")
                .type("text/plain;charset=UTF-8").entity("Operator login required").build();
    }
}
