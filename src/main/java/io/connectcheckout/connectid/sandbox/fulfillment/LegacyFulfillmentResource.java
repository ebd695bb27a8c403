package io.connectcheckout.connectid.sandbox.fulfillment;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /user/order}: the legacy name of the fulfillment URL that older published clients
 * still build (connectid-api-notes.md §3, "Legacy names"). Sends the browser on to
 * {@code /user/fulfillment} with the same parameters, so there is one page with one set of rules.
 */
@Path("/user/order")
public class LegacyFulfillmentResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response order(@QueryParam("clientId") String clientId, @QueryParam("orderId") String orderId,
            @QueryParam("returnUrl") String returnUrl, @QueryParam("errorUrl") String errorUrl) {
        StringBuilder target = new StringBuilder("/user/fulfillment");
        addIfPresent(target, "clientId", clientId);
        addIfPresent(target, "orderId", orderId);
        addIfPresent(target, "returnUrl", returnUrl);
        addIfPresent(target, "errorUrl", errorUrl);
        return Response.seeOther(URI.create(target.toString())).build();
    }

    private static void addIfPresent(StringBuilder target, String name, String value) {
        if (value != null) {
            target.append(target.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
