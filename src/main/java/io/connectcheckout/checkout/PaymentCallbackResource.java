package io.connectcheckout.checkout;

import io.connectcheckout.payment.client.CallbackEvent;
import io.connectcheckout.payment.client.InvalidCallbackException;
import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.publisher.Publisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Receives the payment provider's callbacks ({@code POST /callbacks/payment/{publisher}}, the
 * {@code callbackUrl} of every payment the checkout starts). The signature is checked over the raw
 * bytes with the publisher's callback secret before anything is parsed; a verified callback only
 * nudges its checkout on ({@link PaymentCallbacks#received}), so a shopper who pays and
 * closes the window still gets the order within seconds, without waiting for reconciliation.
 *
 * <p>Answers: 200 for every verified callback, including replays, unknown event types and
 * payments that are not ours (the provider must stop retrying them); 401 for a bad signature;
 * 404 for an unknown publisher. Outside {@code /checkout/}: no session, no per-address rate limit
 * (every callback comes from the provider's few addresses), and no CSRF token (a JSON post).
 */
@Path(PaymentCallbackResource.PATH + "/{publisher}")
public class PaymentCallbackResource {

    static final String PATH = "/callbacks/payment";
    private static final Logger LOG = Logger.getLogger(PaymentCallbackResource.class);

    /** The answer body: what was done with the callback, or why it was refused. */
    public record Answer(String code, String message) {
    }

    private final PaymentCallbacks callbacks;
    private final PaymentProvider payments;
    private final io.micrometer.core.instrument.MeterRegistry metrics;

    public PaymentCallbackResource(PaymentCallbacks callbacks, PaymentProvider payments,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        this.callbacks = callbacks;
        this.payments = payments;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("publisher") String slug, @HeaderParam("Signature") String signature,
            byte[] body) {
        Optional<Publisher> publisher = slug.length() > 64 ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> Publisher.findBySlug(slug));
        if (publisher.isEmpty() || publisher.get().pspCallbackSecret == null || publisher.get().pspCallbackSecret.isBlank()) {
            return Response.status(404).entity(new Answer("not_found", "No such publisher")).build();
        }
        CallbackEvent event;
        try {
            event = payments.verifyCallback(Accounts.payment(publisher.get()), body, signature);
        } catch (InvalidCallbackException e) {
            // Anyone can post here: a WARN per refusal would let them flood the log (found by the
            // outside attack of stop 23). Counted instead, per publisher (only existing ones reach
            // this line), for an alert when a real provider's callbacks start failing.
            LOG.debugf("Payment callback for %s refused: %s", slug, e.getMessage());
            metrics.counter("checkout.payment.callbacks.refused", "publisher", slug).increment();
            return Response.status(401).entity(new Answer("invalid_signature", e.getMessage())).build();
        }
        PaymentCallbacks.CallbackOutcome outcome = callbacks.received(publisher.get().id, event);
        LOG.debugf("Payment callback %s for %s: %s", event.eventId(), event.paymentId(), outcome);
        return Response.ok(new Answer(outcome.name().toLowerCase(java.util.Locale.ROOT), "received")).build();
    }
}
