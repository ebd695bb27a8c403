package io.connectcheckout.checkout;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The ways on from "the payment was not completed" (the shopper came back from the payment page
 * with Back): pay the same payment now, or give it up for another way to pay or to stop. Giving
 * it up withdraws it at the provider first, so it cannot be paid late into a second order.
 */
@Path("/checkout/payment")
@Produces(MediaType.TEXT_HTML)
public class PaymentChoiceResource {

    private final CheckoutFlow flow;
    private final CurrentCheckout current;
    private final CheckoutPages pages;

    public PaymentChoiceResource(CheckoutFlow flow, CurrentCheckout current, CheckoutPages pages) {
        this.flow = flow;
        this.current = current;
        this.pages = pages;
    }

    @POST
    @Path("/again")
    public Response payAgain() {
        return pages.follow(flow.payAgain(current.get().id()));
    }

    @POST
    @Path("/another-way")
    public Response anotherWay() {
        Next next = flow.giveUpPayment(current.get().id());
        if (next instanceof Next.Page page && page.step() == Step.DETAILS) {
            return CheckoutPages.seeOther("/checkout/details");
        }
        return pages.follow(next);
    }

    @POST
    @Path("/cancel")
    public Response cancel() {
        return pages.follow(flow.giveUpPayment(current.get().id()));
    }
}
