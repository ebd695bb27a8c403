package io.connectcheckout.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Adds the browser-hardening headers of the quality bar to every HTML response, whichever part
 * of the stack produced it (pages, error pages, static files). Registered as a Vert.x route
 * filter so nothing can bypass it.
 */
@ApplicationScoped
public class SecurityHeaders {

    /**
     * No inline scripts or styles anywhere; images may come from publishers' logo hosts over https.
     * {@code form-action} is left out on purpose: Chrome applies it to the 303 that follows a form
     * post, and our confirm step redirects to ConnectID and the payment provider.
     */
    static final String CSP = "default-src 'self'; img-src 'self' https: data:; style-src 'self'; "
            + "script-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final boolean secure;

    public SecurityHeaders(CheckoutConfig config) {
        this.secure = config.web().secure();
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(ignored -> {
                MultiMap headers = rc.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
                if (secure) {
                    headers.set("Strict-Transport-Security", HSTS);
                }
                String type = headers.get("Content-Type");
                if (type != null && type.startsWith("text/html")) {
                    headers.set("Content-Security-Policy", CSP);
                    headers.set("X-Frame-Options", "DENY");
                    headers.set("Cache-Control", "no-store");
                    if (!type.contains("charset")) {
                        headers.set("Content-Type", "text/html;charset=UTF-8");
                    }
                }
            });
            rc.next();
        }, 100);
    }
}
