package io.connectcheckout.payment.sandbox.merchantapi;

import io.connectcheckout.payment.api.ErrorCodes;
import io.connectcheckout.payment.api.ErrorJson;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Unknown paths under {@code /psp/v1} answer with the API's JSON error body rather than the
 * shoppers' HTML error page: API clients should never have to parse HTML.
 */
@Path("/psp/v1/{path: .*}")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentApiFallbackResource {

    @GET
    public Response get() {
        return notFound();
    }

    @POST
    public Response post() {
        return notFound();
    }

    @PUT
    public Response put() {
        return notFound();
    }

    @DELETE
    public Response delete() {
        return notFound();
    }

    @PATCH
    public Response patch() {
        return notFound();
    }

    static Response notFound() {
        return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorJson(ErrorCodes.NOT_FOUND, "No such endpoint in the payment API")).build();
    }
}
