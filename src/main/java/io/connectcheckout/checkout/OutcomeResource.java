package io.connectcheckout.checkout;

import io.connectcheckout.checkout.CheckoutViews.Summary;
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

/** How a checkout ended: the receipt (also through a signed link, for a browser without the cookie) or the failure page. */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
public class OutcomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance failed(Brand brand, boolean refunded, String cause, String paymentLabel);

        static native TemplateInstance receipt(Brand brand, Summary summary, String withdrawalPath, String withdrawnAt,
                String withdrawalEffect);
    }

    private final CheckoutSessions sessions;
    private final CurrentCheckout current;
    private final CheckoutPages pages;
    private final ReturnUrls urls;
    private final Withdrawals withdrawals;
    private final java.time.Clock clock;

    public OutcomeResource(CheckoutSessions sessions, CurrentCheckout current, CheckoutPages pages, ReturnUrls urls,
            Withdrawals withdrawals, java.time.Clock clock) {
        this.sessions = sessions;
        this.current = current;
        this.pages = pages;
        this.urls = urls;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    @GET
    @Path("/failed")
    public Response failed() {
        CheckoutSession s = current.get();
        if (s.step() != Step.FAILED) {
            return pages.redirectTo(s);
        }
        Outcome outcome = s.attempt().outcome();
        return pages.page(Templates.failed(Brand.of(s.publisher()),
                outcome == Outcome.REFUNDED || outcome == Outcome.REFUND_PENDING,
                outcome == null ? "failed" : outcome.code(), s.paymentOption().label(pages.locale())), 200);
    }

    @GET
    @Path("/receipt")
    public Response receipt() {
        CheckoutSession s = current.get();
        if (s.step() != Step.COMPLETED) {
            return pages.redirectTo(s);
        }
        return receiptOf(s);
    }

    /** The receipt through a signed link: for a return that arrived without the checkout's cookie. */
    @GET
    @Path("/receipt/{reference}")
    public Response signedReceipt(@PathParam("reference") String reference, @QueryParam("sig") String sig) {
        CheckoutSession s = sessions.bySignedReference(ReturnUrls.RECEIPT_PURPOSE, reference, sig)
                .orElseThrow(() -> new WebApplicationException(Response.Status.FORBIDDEN));
        if (s.step() != Step.COMPLETED) {
            return pages.page(ReturnResource.Templates.status(Brand.of(s.publisher())), 200);
        }
        return receiptOf(s);
    }

    /** The receipt, with the withdrawal function's link while the withdrawal period lasts (issue 14 item 4). */
    private Response receiptOf(CheckoutSession s) {
        java.util.Optional<Withdrawal> withdrawn = withdrawals.of(s.id());
        if (withdrawn.isPresent()) {
            // After a withdrawal the receipt says so, and what happens to the money (outside attack of stop 23).
            Withdrawal w = withdrawn.get();
            return pages.page(Templates.receipt(Brand.of(s.publisher()), CheckoutViews.summary(s, pages.locale()), null,
                    ShopperTime.dateTime(w.requestedAt(), pages.locale()), WithdrawalMail.effect(s, w, pages.locale())), 200);
        }
        java.time.Instant deadline = withdrawals.deadline(s);
        String withdrawal = clock.instant().isBefore(deadline) ? urls.signedWithdrawalPath(s, deadline) : null;
        return pages.page(Templates.receipt(Brand.of(s.publisher()), CheckoutViews.summary(s, pages.locale()),
                withdrawal, null, null), 200);
    }
}
