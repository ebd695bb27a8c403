package io.connectcheckout.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the cookies the pages set (the checkout's and the sandboxes'), with the flags of the
 * quality bar: HttpOnly, SameSite=Lax (Strict would be dropped on the return from the payment
 * provider), and in production Secure with the {@code __Host-} prefix (which also pins Path=/ and
 * forbids Domain). Served over https or not is {@code common.web.secure}: in the one-process app it
 * follows {@code checkout.web.secure}; a sandbox run on its own sets it itself.
 */
@ApplicationScoped
public class Cookies {

    private final boolean secure;

    public Cookies(@ConfigProperty(name = "common.web.secure", defaultValue = "false") boolean secure) {
        this.secure = secure;
    }

    /** The name a cookie has on the wire: {@code __Host-name} in production, {@code name} otherwise. */
    public String name(String base) {
        return secure ? "__Host-" + base : base;
    }

    public NewCookie create(String base, String value, int maxAgeSeconds) {
        return new NewCookie.Builder(name(base))
                .value(value)
                .path("/")
                .maxAge(maxAgeSeconds)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    public boolean secure() {
        return secure;
    }
}
