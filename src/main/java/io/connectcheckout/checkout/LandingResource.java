package io.connectcheckout.checkout;

import io.connectcheckout.common.RequestLocale;
import io.connectcheckout.publisher.Brand;
import io.connectcheckout.publisher.Publisher;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** The front page: the product name and every publisher's offers, each linking to its checkout. */
@Path("/")
public class LandingResource {

    /** One offer as the front page lists it. */
    public record OfferLink(String title, String summary, String href) {
    }

    /** One publisher's block on the front page. */
    public record PublisherOffers(String name, List<OfferLink> offers) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Brand brand, List<PublisherOffers> publishers);
    }

    private final RequestLocale requestLocale;

    public LandingResource(RequestLocale requestLocale) {
        this.requestLocale = requestLocale;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        Locale locale = requestLocale.get();
        List<Publisher> all = Publisher.list("order by name");
        List<PublisherOffers> publishers = all.stream()
                .map(p -> new PublisherOffers(p.name, p.offers.stream()
                        .map(o -> new OfferLink(o.title(locale), o.summary(locale),
                                "/checkout/" + p.slug + "/" + o.slug))
                        .toList()))
                .toList();
        return Templates.index(Brand.DEFAULT, publishers);
    }
}
