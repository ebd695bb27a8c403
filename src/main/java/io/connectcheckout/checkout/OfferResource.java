package io.connectcheckout.checkout;

import io.connectcheckout.checkout.CheckoutViews.OfferView;
import io.connectcheckout.checkout.CheckoutViews.OptionView;
import io.connectcheckout.connectid.client.OfferTerms;
import io.connectcheckout.publisher.Brand;
import io.connectcheckout.publisher.Offer;
import io.connectcheckout.publisher.PaymentOption;
import io.connectcheckout.publisher.Publisher;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The offer page: ConnectID's price and terms, the payment options, and the start of a checkout. */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
public class OfferResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance offer(Brand brand, String startPath, OfferView offer,
                List<OptionView> options, Map<String, String> errors);
    }

    private final CheckoutStart starts;
    private final CheckoutLogin login;
    private final CurrentCheckout current;
    private final CheckoutPages pages;

    public OfferResource(CheckoutStart starts, CheckoutLogin login, CurrentCheckout current, CheckoutPages pages) {
        this.starts = starts;
        this.login = login;
        this.current = current;
        this.pages = pages;
    }

    @GET
    @Path("/{publisher}/{offer}")
    public TemplateInstance offer(@PathParam("publisher") String publisherSlug, @PathParam("offer") String offerSlug) {
        Publisher publisher = publisher(publisherSlug);
        Offer offer = publisher.offer(offerSlug).orElseThrow(NotFoundException::new);
        OfferTerms terms = starts.terms(publisher, offer);
        return Templates.offer(Brand.of(publisher), startPath(publisher, offer),
                CheckoutViews.offer(offer, terms, pages.locale()), CheckoutViews.options(publisher, null, pages.locale()),
                Map.of());
    }

    /** Starts a checkout with the chosen payment option; {@code mode=login} goes to ConnectID's login first. */
    @POST
    @Path("/{publisher}/{offer}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StartsCheckout
    public Response start(@PathParam("publisher") String publisherSlug, @PathParam("offer") String offerSlug,
            @FormParam("paymentOption") String optionCode, @FormParam("mode") String mode) {
        Publisher publisher = publisher(publisherSlug);
        Offer offer = publisher.offer(offerSlug).orElseThrow(NotFoundException::new);
        Optional<PaymentOption> option = publisher.paymentOptions.stream()
                .filter(o -> o.code.equals(optionCode)).findFirst();
        if (option.isEmpty()) {
            // Not one of this publisher's options (or none chosen): show the offer again with the error.
            OfferTerms terms = starts.terms(publisher, offer);
            return pages.page(Templates.offer(Brand.of(publisher), startPath(publisher, offer),
                    CheckoutViews.offer(offer, terms, pages.locale()),
                    CheckoutViews.options(publisher, null, pages.locale()),
                    Map.of("paymentOption", pages.messages().error_payment_option())), 422);
        }
        String token = starts.start(publisher, offer, option.get(), pages.locale().getLanguage());
        CheckoutSession session = current.byNewCookie(token).orElseThrow();
        URI next = "login".equals(mode) ? login.beginLogin(session.id()) : URI.create("/checkout/details");
        return Response.seeOther(next).cookie(current.cookie(token)).build();
    }

    /** Where the offer's form posts: this resource's start, with the slugs validated on the way in. */
    private static String startPath(Publisher publisher, Offer offer) {
        return "/checkout/" + publisher.slug + "/" + offer.slug;
    }

    private static Publisher publisher(String slug) {
        if (slug == null || !slug.matches("[a-z0-9-]{1,40}")) {
            throw new NotFoundException();
        }
        return Publisher.findBySlug(slug).orElseThrow(NotFoundException::new);
    }
}
