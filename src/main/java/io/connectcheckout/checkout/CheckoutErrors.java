package io.connectcheckout.checkout;

import io.connectcheckout.connectid.client.ConnectIdRejectedException;
import io.connectcheckout.connectid.client.ConnectIdUnavailableException;
import io.connectcheckout.payment.client.PaymentRejectedException;
import io.connectcheckout.payment.client.PaymentUnavailableException;
import io.connectcheckout.web.ErrorPages;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the shopper sees when the checkout cannot go on: a dependency down (503, "nothing is
 * lost"), a refused call (400), a replayed or skipped step (303 to where the checkout really is),
 * no checkout (303 to the start). Every page is ErrorPages' translated one, with a reference id.
 */
public class CheckoutErrors {

    private static final Logger LOG = Logger.getLogger(CheckoutErrors.class);

    private final ErrorPages errorPages;

    public CheckoutErrors(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @ServerExceptionMapper
    public Response unavailable(ConnectIdUnavailableException e) {
        LOG.warnf("ConnectID unavailable: %s", e.getMessage());
        return errorPages.render(503);
    }

    @ServerExceptionMapper
    public Response paymentUnavailable(PaymentUnavailableException e) {
        LOG.warnf("Payment provider unavailable: %s", e.getMessage());
        return errorPages.render(503);
    }

    @ServerExceptionMapper
    public Response illegalStep(IllegalStepException e) {
        // A replayed or skipped step (Back, double submit): show where the checkout really is.
        return CheckoutPages.seeOther("/checkout/status");
    }

    @ServerExceptionMapper
    public Response noSession(NoCheckoutException e) {
        return CheckoutPages.seeOther("/");
    }

    @ServerExceptionMapper
    public Response refused(ConnectIdRejectedException e) {
        LOG.warnf("ConnectID refused a checkout call: %s", e.getMessage());
        return errorPages.render(400);
    }

    @ServerExceptionMapper
    public Response paymentRefused(PaymentRejectedException e) {
        LOG.warnf("Payment provider refused a checkout call: %s", e.getMessage());
        return errorPages.render(400);
    }
}
