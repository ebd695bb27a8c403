package io.connectcheckout.checkout;

import io.connectcheckout.common.RequestLocale;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/**
 * How the checkout's resources answer: a page rendered in the shopper's language, or a 303 to the
 * page of a step (post/redirect/get). Redirects are relative paths; the server's own address comes
 * only from {@code checkout.public-url}, never from the request.
 */
@RequestScoped
public class CheckoutPages {

    private final RequestLocale locale;

    public CheckoutPages(RequestLocale locale) {
        this.locale = locale;
    }

    /** The shopper's language for this request. */
    Locale locale() {
        return locale.get();
    }

    /** The checkout's texts in the shopper's language. */
    CheckoutMessages messages() {
        return MessageBundles.get(CheckoutMessages.class, Localized.Literal.of(locale.get().getLanguage()));
    }

    /** Renders {@code template} in the shopper's language with {@code status}. */
    Response page(TemplateInstance template, int status) {
        String html = template.setLocale(locale.get()).render();
        return Response.status(status).type("text/html;charset=UTF-8").entity(html).build();
    }

    /** Where the flow says the browser goes next. */
    Response follow(Next next) {
        if (next instanceof Next.Redirect redirect) {
            return Response.seeOther(redirect.to()).build();
        }
        if (next instanceof Next.Pending || next instanceof Next.PaymentOpen) {
            return seeOther("/checkout/status");
        }
        return seeOther(pathFor(((Next.Page) next).step()));
    }

    /** To the page of the step the checkout is in. */
    Response redirectTo(CheckoutSession s) {
        return seeOther(pathFor(s.step()));
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** The page that shows a checkout in {@code step}. */
    static String pathFor(Step step) {
        return switch (step) {
            case OFFER -> "/checkout/details";
            case DETAILS -> "/checkout/review";
            case PROCESSING, AWAITING_PAYMENT, PAID -> "/checkout/status";
            case COMPLETED -> "/checkout/receipt";
            case FAILED -> "/checkout/failed";
        };
    }
}
