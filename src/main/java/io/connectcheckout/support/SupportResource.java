package io.connectcheckout.support;

import io.connectcheckout.checkout.CheckoutEvent;
import io.connectcheckout.checkout.Accounts;
import io.connectcheckout.checkout.CheckoutSessions;
import io.connectcheckout.checkout.CheckoutStore;
import io.connectcheckout.checkout.CheckoutSession;
import io.connectcheckout.payment.client.PaymentDetails;
import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.payment.client.PaymentRejectedException;
import io.connectcheckout.payment.client.PaymentUnavailableException;
import io.connectcheckout.publisher.Brand;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The support view (behind {@link OperatorGate}): one checkout's timeline, so a publisher can
 * answer "was I charged?" — register, payment, verification, completion, user assigned — with the
 * payment's state read live from the provider. Shows no tokens and no card numbers.
 */
@Path("/support")
@Produces(MediaType.TEXT_HTML)
public class SupportResource {

    /** The facts of one checkout an operator needs. */
    public record CheckoutFacts(String reference, String publisher, String offer, String amount, String paymentOption,
            boolean prepaid, String step, int attempt, String externalOrderId, String connectIdOrderId,
            String paymentId, String paymentState, String payer, boolean loggedIn, boolean userAssigned) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Brand brand, String reference, boolean notFound);

        static native TemplateInstance timeline(Brand brand, CheckoutFacts facts, List<CheckoutEvent> events);
    }

    private final CheckoutSessions checkouts;
    private final CheckoutStore store;
    private final PaymentProvider payments;

    public SupportResource(CheckoutSessions checkouts, CheckoutStore store, PaymentProvider payments) {
        this.checkouts = checkouts;
        this.store = store;
        this.payments = payments;
    }

    @GET
    public Response search(@QueryParam("reference") String reference) {
        if (reference == null || reference.isBlank()) {
            return Response.ok(Templates.search(Brand.DEFAULT, "", false)).build();
        }
        String wanted = reference.trim().toUpperCase(java.util.Locale.ROOT);
        if (wanted.matches("[A-Z0-9]{1,40}") && checkouts.findReference(wanted).isPresent()) {
            return Response.seeOther(URI.create("/support/checkouts/" + wanted)).build();
        }
        return Response.status(404).entity(Templates.search(Brand.DEFAULT, reference, true)).build();
    }

    @GET
    @Path("/checkouts/{reference}")
    public TemplateInstance timeline(@PathParam("reference") String reference) {
        if (!reference.matches("[A-Z0-9]{1,40}")) {
            throw new NotFoundException();
        }
        Long id = checkouts.findReference(reference).orElseThrow(NotFoundException::new);
        CheckoutSession s = store.load(id);
        String paymentState = null;
        if (s.attempt().paymentId() != null) {
            try {
                PaymentDetails payment = payments.get(
                        Accounts.payment(s.publisher()), s.attempt().paymentId());
                paymentState = payment.state().name() + " (" + payment.captured() + " captured, "
                        + payment.refunded() + " refunded)";
            } catch (PaymentRejectedException | PaymentUnavailableException e) {
                paymentState = "unknown: " + e.getMessage();
            }
        }
        CheckoutFacts facts = new CheckoutFacts(s.reference(), s.publisher().name, s.offer().titleEn, s.terms().price().toString(),
                s.paymentOption() == null ? "-" : s.paymentOption().labelEn + " (" + s.paymentOption().paymentMethod + ")",
                s.prepaid(), s.step().name(), s.attempt().number(), s.attempt().externalOrderId(),
                s.attempt().connectIdOrderId() == null ? null : s.attempt().connectIdOrderId().toString(), s.attempt().paymentId(), paymentState,
                (s.payer().firstName() == null ? "" : s.payer().firstName() + " " + s.payer().lastName()) + (s.payer().email() == null ? "" : " <" + s.payer().email() + ">"),
                s.loggedIn(), s.attempt().userAssigned());
        return Templates.timeline(Brand.DEFAULT, facts, checkouts.timeline(id));
    }
}
