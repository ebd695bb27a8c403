package io.connectcheckout.checkout;

import io.connectcheckout.checkout.CheckoutViews.Summary;
import io.connectcheckout.publisher.Brand;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The review page and the button that buys: confirm starts one attempt, however often it is pressed. */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
public class ReviewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(Brand brand, Summary summary, String notice);
    }

    private final CheckoutFlow flow;
    private final ShopperChoices choices;
    private final CurrentCheckout current;
    private final CheckoutPages pages;

    public ReviewResource(CheckoutFlow flow, ShopperChoices choices, CurrentCheckout current, CheckoutPages pages) {
        this.flow = flow;
        this.choices = choices;
        this.current = current;
        this.pages = pages;
    }

    @GET
    @Path("/review")
    public Response review() {
        CheckoutSession s = current.get();
        if (s.step() != Step.DETAILS) {
            return pages.redirectTo(s);
        }
        String notice = choices.takeNotice(s);
        return pages.page(Templates.review(Brand.of(s.publisher()), CheckoutViews.summary(s, pages.locale()), notice),
                200);
    }

    /** Confirm (also "Try again" after a failed attempt). */
    @POST
    @Path("/confirm")
    public Response confirm() {
        CheckoutSession s = current.get();
        if (s.step() != Step.DETAILS && s.step() != Step.FAILED) {
            return pages.redirectTo(s);
        }
        return pages.follow(flow.confirm(s.id()));
    }
}
