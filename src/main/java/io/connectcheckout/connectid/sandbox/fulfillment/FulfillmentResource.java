package io.connectcheckout.connectid.sandbox.fulfillment;

import io.connectcheckout.common.PageBrand;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * The fulfillment URL ({@code GET /user/fulfillment?clientId&orderId&returnUrl&errorUrl}) and the
 * sandbox's own return endpoint from the payment provider. Invalid requests get an error page,
 * never a redirect.
 */
@Path("/user/fulfillment")
public class FulfillmentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invalid(PageBrand brand);
    }

    private final FulfillmentService fulfillment;

    public FulfillmentResource(FulfillmentService fulfillment) {
        this.fulfillment = fulfillment;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response start(@QueryParam("clientId") String clientId, @QueryParam("orderId") String orderId,
            @QueryParam("returnUrl") String returnUrl, @QueryParam("errorUrl") String errorUrl) {
        return respond(fulfillment.start(clientId, orderId, returnUrl, errorUrl));
    }

    @GET
    @Path("/return")
    @Produces(MediaType.TEXT_HTML)
    public Response back(@QueryParam("orderId") String orderId) {
        return respond(fulfillment.back(orderId));
    }

    private static Response respond(FulfillmentService.Next next) {
        if (next instanceof FulfillmentService.ToPayment toPayment) {
            return Response.seeOther(toPayment.redirectUrl()).build();
        }
        if (next instanceof FulfillmentService.Back back) {
            return Response.seeOther(UriBuilder.fromUri(back.url())
                    .queryParam("fulfillmentStatus", back.fulfillmentStatus()).build()).build();
        }
        return Response.status(400).entity(Templates.invalid(PageBrand.NEUTRAL)).build();
    }
}
