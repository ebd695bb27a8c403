package io.connectcheckout.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Failures that Vert.x itself raises for a broken request, before any resource runs: no
 * {@code Host} header, an unparseable one, a request line or chunk the codec refused, a
 * connection closed halfway through the body. Quarkus' own error handler logs each as an ERROR
 * (with an error id) although the client caused it. This failure handler runs first: a failure
 * that already carries a 4xx status, or that {@link Failures#isBrokenRequest} recognises, is
 * answered with the translated 400 page (when the connection is still there) and logged at
 * DEBUG; everything else goes on to Quarkus' handler, so a real bug still logs its ERROR. The
 * OAuth token endpoint's 4xx failures are left to its own failure handler (its clients read JSON only).
 */
@ApplicationScoped
public class EnvelopeFailures {

    private static final String OAUTH_TOKEN_ENDPOINT = "/user/oauth/token";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext rc) {
        int status = rc.statusCode();
        if (status >= 400 && status < 500 && OAUTH_TOKEN_ENDPOINT.equals(rc.request().path())) {
            // OAuth clients read only the RFC 6749 §5.2 JSON error: the token route's own failure
            // handler (next in line) answers a refused body there (413), never with a page.
            // Broken framing (the connection is going) is answered below as everywhere.
            rc.next();
            return;
        }
        Throwable failure = rc.failure();
        if (status >= 400 && status < 500) {
            EnvelopeAnswers.refuse(rc, status, String.valueOf(failure));
        } else if (failure != null && Failures.isBrokenRequest(failure)) {
            EnvelopeAnswers.refuse(rc, 400, failure.toString());
        } else {
            rc.next();
        }
    }
}
