package io.connectcheckout.checkout;

import io.connectcheckout.publisher.Brand;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The withdrawal function, "Withdraw from the contract here" (issue 14 item 4; CRD art. 11a):
 * reached from the receipt and the confirmation e-mail through a signed link, so it works in any
 * browser. GET shows what withdrawing means (the order, until when, what is refunded by whom) with
 * a confirm button; POST records it once and answers 303 to the same address, which then shows
 * the acknowledgement with the date and time received. A forged link → 403; an expired one → 410
 * ({@link ExpiredLinks}); after the withdrawal period the page says it ended and where to turn.
 */
@Path("/checkout/withdrawal")
@Produces(MediaType.TEXT_HTML)
public class WithdrawalResource {

    /** What the withdrawal pages show. */
    public record View(String orderNumber, String product, String orderedAt, String until, String effect,
            String publisher, String action) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(Brand brand, View view);

        static native TemplateInstance withdrawn(Brand brand, View view, String receivedAt, String email);

        static native TemplateInstance ended(Brand brand, String endedOn);
    }

    private final CheckoutSessions sessions;
    private final Withdrawals withdrawals;
    private final CheckoutPages pages;
    private final Clock clock;

    public WithdrawalResource(CheckoutSessions sessions, Withdrawals withdrawals, CheckoutPages pages, Clock clock) {
        this.sessions = sessions;
        this.withdrawals = withdrawals;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    @Path("/{reference}")
    public Response show(@PathParam("reference") String reference, @QueryParam("sig") String sig) {
        CheckoutSession s = completed(reference, sig);
        Brand brand = Brand.of(s.publisher());
        // Read once: when it was ordered decides the period and what is kept back.
        Instant orderedAt = withdrawals.orderedAt(s);
        Instant deadline = WithdrawalTerms.deadline(orderedAt, ShopperTime.ZONE);
        Optional<Withdrawal> done = withdrawals.of(s.id());
        if (done.isPresent()) {
            Withdrawal w = done.get();
            return pages.page(Templates.withdrawn(brand, view(s, sig, WithdrawalMail.effect(s, w, pages.locale()),
                    orderedAt, deadline), ShopperTime.dateTime(w.requestedAt(), pages.locale()), s.payer().email()), 200);
        }
        if (!clock.instant().isBefore(deadline)) {
            return pages.page(Templates.ended(brand, ShopperTime.dateTime(deadline.minusSeconds(60), pages.locale())), 200);
        }
        WithdrawalTerms terms = withdrawals.terms(s, orderedAt);
        String effect = WithdrawalTexts.effect(pages.messages(), terms, Withdrawals.refundBy(s, terms),
                s.terms().currency(), s.publisher().name, pages.locale());
        return pages.page(Templates.confirm(brand, view(s, sig, effect, orderedAt, deadline)), 200);
    }

    @POST
    @Path("/{reference}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ActsBySignedLink
    public Response withdraw(@PathParam("reference") String reference, @QueryParam("sig") String sig) {
        CheckoutSession s = completed(reference, sig);
        try {
            withdrawals.withdraw(s);
        } catch (IllegalStepException ended) {
            // Past the period (or not completed): the page says so; nothing changed.
        }
        return CheckoutPages.seeOther(path(reference, sig));
    }

    /** The completed checkout the link names; 403 for a forged link or one of a checkout with no order. */
    private CheckoutSession completed(String reference, String sig) {
        CheckoutSession s = sessions.bySignedReference(ReturnUrls.WITHDRAWAL_PURPOSE, reference, sig)
                .orElseThrow(() -> new WebApplicationException(Response.Status.FORBIDDEN));
        if (s.step() != Step.COMPLETED) {
            throw new WebApplicationException(Response.Status.FORBIDDEN);
        }
        return s;
    }

    private View view(CheckoutSession s, String sig, String effect, Instant orderedAt, Instant deadline) {
        return new View(String.valueOf(s.attempt().connectIdOrderId()), s.offer().title(pages.locale()),
                ShopperTime.dateTime(orderedAt, pages.locale()),
                ShopperTime.dateTime(deadline.minusSeconds(60), pages.locale()), effect, s.publisher().name,
                path(s.reference(), sig));
    }

    private static String path(String reference, String sig) {
        return "/checkout/withdrawal/" + reference + "?sig=" + URLEncoder.encode(sig, StandardCharsets.UTF_8);
    }
}
