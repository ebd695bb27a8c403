package io.connectcheckout.checkout;

import io.connectcheckout.publisher.Brand;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * Where the browser comes back from ConnectID's fulfillment or the payment provider (through a
 * signed reference, with or without the cookie), and the status page: self-refreshing while the
 * outcome is on its way, or "not completed" when the shopper left the payment page unfinished. The outcome is
 * always read server to server ({@link CheckoutFlow#advance}); query parameters are only hints.
 */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
public class ReturnResource {

    private static final Logger LOG = Logger.getLogger(ReturnResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance status(Brand brand);

        static native TemplateInstance notCompleted(Brand brand, boolean prepaid);
    }

    private final CheckoutFlow flow;
    private final CheckoutSessions sessions;
    private final ReturnUrls urls;
    private final CurrentCheckout current;
    private final CheckoutPages pages;

    public ReturnResource(CheckoutFlow flow, CheckoutSessions sessions, ReturnUrls urls, CurrentCheckout current,
            CheckoutPages pages) {
        this.flow = flow;
        this.sessions = sessions;
        this.urls = urls;
        this.current = current;
        this.pages = pages;
    }

    /** ConnectID's fulfillment sends the browser here; {@code fulfillmentStatus} is only a hint. */
    @GET
    @Path("/return/{reference}")
    public Response fulfillmentReturn(@PathParam("reference") String reference, @QueryParam("sig") String sig,
            @QueryParam("fulfillmentStatus") String hint) {
        CheckoutSession s = signed(ReturnUrls.RETURN_PURPOSE, reference, sig);
        LOG.debugf("Fulfillment return for %s with hint %s", s.reference(), hint);
        return returned(s);
    }

    /** The payment provider sends the browser here after a prepaid payment. */
    @GET
    @Path("/paid/{reference}")
    public Response paymentReturn(@PathParam("reference") String reference, @QueryParam("sig") String sig) {
        return returned(signed(ReturnUrls.PAID_PURPOSE, reference, sig));
    }

    @GET
    @Path("/status")
    public Response status() {
        CheckoutSession s = current.get();
        Next next = s.step().inFlight() || s.step() == Step.COMPLETED ? flow.advance(s.id()) : new Next.Page(s.step());
        if (next instanceof Next.Pending) {
            return pages.page(Templates.status(Brand.of(s.publisher())), 200);
        }
        if (next instanceof Next.PaymentOpen) {
            // Back from the payment page: not completed, and the shopper chooses how to go on.
            return pages.page(Templates.notCompleted(Brand.of(s.publisher()), s.prepaid()), 200);
        }
        return pages.follow(next);
    }

    private CheckoutSession signed(String purpose, String reference, String sig) {
        return sessions.bySignedReference(purpose, reference, sig)
                .orElseThrow(() -> new WebApplicationException(Response.Status.FORBIDDEN));
    }

    private Response returned(CheckoutSession s) {
        Next next = flow.advance(s.id());
        if (current.owns(s)) {
            return pages.follow(next);
        }
        // The browser came back without this checkout's cookie: identify it by the signed link only.
        if (next instanceof Next.Page page && page.step() == Step.COMPLETED) {
            return CheckoutPages.seeOther(urls.signedReceiptPath(s));
        }
        if (next instanceof Next.Redirect redirect) {
            return Response.seeOther(redirect.to()).build();
        }
        return pages.page(Templates.status(Brand.of(s.publisher())), 200);
    }
}
