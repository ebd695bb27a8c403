package io.connectcheckout.checkout;

import io.connectcheckout.checkout.CheckoutFormTokens.Verdict;
import io.connectcheckout.web.FormRefusals;
import io.connectcheckout.web.PageFormPosts;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The one check of every form posted to the browser's checkout (all but {@link StartsCheckout}):
 * its {@value CheckoutFormTokens#FIELD} token must be one of ours. A forged or missing token is
 * refused (403, nothing changes); a token from a page that no longer shows the checkout as it is
 * (another tab changed it or started another one) changes nothing and sends the shopper to the
 * page of the checkout as it is now, with a notice. Runs after {@link PageFormPosts}, which has
 * already refused cross-site posts and bodies that are not forms.
 */
public class CheckoutFormGuard {

    private static final Logger LOG = Logger.getLogger(CheckoutFormGuard.class);

    private final CurrentCheckout current;
    private final CheckoutFormTokens tokens;
    private final FormRefusals refusals;

    private final io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider csrf;

    private final io.connectcheckout.common.Cookies cookieNames;

    public CheckoutFormGuard(CurrentCheckout current, CheckoutFormTokens tokens, FormRefusals refusals,
            io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider csrf, io.connectcheckout.common.Cookies cookieNames) {
        this.cookieNames = cookieNames;
        this.current = current;
        this.tokens = tokens;
        this.refusals = refusals;
        this.csrf = csrf;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    @WithFormRead
    public Optional<Response> check(ResteasyReactiveContainerRequestContext request, ResourceInfo resource,
            RoutingContext http) {
        if (!PageFormPosts.isPageFormPost(request) || !http.normalizedPath().startsWith("/checkout/")) {
            return Optional.empty();
        }
        String csrfCookie = csrfCookie(http);
        boolean starts = resource.getResourceMethod().isAnnotationPresent(StartsCheckout.class);
        if (starts || resource.getResourceMethod().isAnnotationPresent(ActsBySignedLink.class)) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(CheckoutFormTokens.START_FIELD, true, false);
            String start = field == null ? null : field.toString();
            String session = sessionCookie(http);
            if (tokens.checkStart(start, csrfCookie, session)) {
                return Optional.empty();
            }
            if (starts && session != null && tokens.checkStart(start, csrfCookie, null)) {
                // An offer page from before this browser had a checkout (Back, another tab): nothing
                // changes, the offer page again, with the out-of-date notice.
                return Optional.of(Response.seeOther(URI.create(http.normalizedPath() + "?"
                        + CheckoutForm.STALE_PARAMETER + "=1")).build());
            }
            LOG.info("Refused a form without a token of this browser");
            return Optional.of(refusals.page(403, http, resource));
        }
        CheckoutSession s;
        try {
            s = current.get();
        } catch (NoCheckoutException none) {
            return Optional.empty(); // no checkout to change: the resource answers that
        }
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(CheckoutFormTokens.FIELD, true, false);
        Verdict verdict = tokens.check(field == null ? null : field.toString(), s, csrfCookie);
        if (verdict == Verdict.CURRENT) {
            return Optional.empty();
        }
        if (verdict == Verdict.STALE) {
            LOG.infof("Checkout %s: a form from an out-of-date page changed nothing", s.reference());
            return Optional.of(Response.seeOther(URI.create(CheckoutPages.pathFor(s.step()) + "?"
                    + CheckoutForm.STALE_PARAMETER + "=1")).build());
        }
        LOG.infof("Checkout %s: refused a form post without a token of this checkout", s.reference());
        return Optional.of(refusals.page(403, http, resource));
    }

    /** The browser's one session cookie; null when it sent none or several. */
    private String sessionCookie(RoutingContext http) {
        java.util.Set<io.vertx.core.http.Cookie> sent = http.request().cookies(cookieNames.name(CurrentCheckout.COOKIE));
        return sent.size() == 1 ? sent.iterator().next().getValue() : null;
    }

    /** The browser's one CSRF cookie; null when it sent none or several (a tossed duplicate). */
    private String csrfCookie(RoutingContext http) {
        java.util.Set<io.vertx.core.http.Cookie> sent = http.request().cookies(csrf.getCookieName());
        return sent.size() == 1 ? sent.iterator().next().getValue() : null;
    }
}
