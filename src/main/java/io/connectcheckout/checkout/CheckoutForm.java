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

    public CheckoutForm(CurrentCheckout current, CheckoutFormTokens tokens, HttpServerRequest request) {
        this.current = current;
        this.tokens = tokens;
        this.request = request;
    }

    /** The token for this page's forms; null off the checkout's pages or without a checkout. */
    public String token() {
        if (!onCheckoutPage()) {
            return null;
        }
        try {
            return tokens.issue(current.get());
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
