package io.connectcheckout.checkout;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * What the shared form tag and the layout need of the checkout on a checkout page
 * ({@code {inject:checkoutForm.token}}, {@code {inject:checkoutForm.stale}}): the token of the
 * page's forms ({@link CheckoutFormTokens}), and whether the page is the answer to a form that was
 * out of date (see {@link CheckoutFormGuard}).
 */
@Named("checkoutForm")
@RequestScoped
public class CheckoutForm {

    /** The query parameter of the page a stale form is sent to. */
    static final String STALE_PARAMETER = "stale";

    private final CurrentCheckout current;
    private final CheckoutFormTokens tokens;
    private final HttpServerRequest request;
    private final io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider csrf;

    private final io.connectcheckout.common.Cookies cookies;

    public CheckoutForm(CurrentCheckout current, CheckoutFormTokens tokens, HttpServerRequest request,
            io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider csrf, io.connectcheckout.common.Cookies cookies) {
        this.current = current;
        this.tokens = tokens;
        this.request = request;
        this.csrf = csrf;
        this.cookies = cookies;
    }

    /**
     * The token of the forms that act on no checkout of the cookie's (the offer page's start, the
     * withdrawal), bound to this browser's CSRF token and session cookie; null off the checkout's pages.
     */
    public String startToken() {
        if (!onCheckoutPage()) {
            return null;
        }
        io.vertx.core.http.Cookie session = request.getCookie(cookies.name(CurrentCheckout.COOKIE));
        return tokens.issueStart(csrfToken(), session == null ? null : session.getValue());
    }

    /** The CSRF token this page's forms carry (the cookie's value, new or as sent). */
    private String csrfToken() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException noTokenOnThisRequest) {
            return null;
        }
    }

    /** The token for this page's forms; null off the checkout's pages or without a checkout. */
    public String token() {
        if (!onCheckoutPage()) {
            return null;
        }
        try {
            return tokens.issue(current.get(), csrfToken());
        } catch (NoCheckoutException none) {
            return null;
        }
    }

    /** Whether to tell the shopper that the page they posted from was out of date. */
    public boolean stale() {
        return onCheckoutPage() && request.getParam(STALE_PARAMETER) != null;
    }

    private boolean onCheckoutPage() {
        String path = request.path();
        return path != null && path.startsWith("/checkout/");
    }
}
