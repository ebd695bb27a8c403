package io.connectcheckout.checkout;

import io.connectcheckout.common.Cookies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;

/**
 * The checkout of the current request, resolved once from the session cookie ({@value #COOKIE},
 * {@code __Host-} prefixed in production) and checked for its timeouts; and whether that cookie
 * owns a checkout reached through a signed link.
 */
@RequestScoped
public class CurrentCheckout {

    /** The session cookie's base name. */
    public static final String COOKIE = "cc_session";
    /** Absolute lifetime of the session cookie (seconds); the server-side checkout expires on its own schedule. */
    static final int COOKIE_MAX_AGE = 24 * 3600;

    private final CheckoutSessions sessions;
    private final Cookies cookies;
    private final HttpHeaders headers;
    private CheckoutSession resolved;

    public CurrentCheckout(CheckoutSessions sessions, Cookies cookies, HttpHeaders headers) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.headers = headers;
    }

    /**
     * The browser's checkout, as read at the first call of this request.
     *
     * @throws NoCheckoutException when the cookie is missing, unknown or expired
     */
    public CheckoutSession get() {
        if (resolved == null) {
            resolved = sessions.byCookie(cookieValue()).orElseThrow(NoCheckoutException::new);
        }
        return resolved;
    }

    /** Whether this browser's cookie holds {@code session} (a return may arrive without it). */
    public boolean owns(CheckoutSession session) {
        return sessions.owns(cookieValue(), session);
    }

    /** The session cookie carrying a new value (a new checkout, or a new id after login or logout). */
    public NewCookie cookie(String value) {
        return cookies.create(COOKIE, value, COOKIE_MAX_AGE);
    }

    /** The checkout a fresh cookie value holds (just started). */
    Optional<CheckoutSession> byNewCookie(String value) {
        return sessions.byCookie(value);
    }

    private String cookieValue() {
        Cookie cookie = headers.getCookies().get(cookies.name(COOKIE));
        return cookie == null ? null : cookie.getValue();
    }
}
