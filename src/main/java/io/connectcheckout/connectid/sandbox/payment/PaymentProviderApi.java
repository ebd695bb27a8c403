package io.connectcheckout.connectid.sandbox.payment;

import io.connectcheckout.payment.api.CreatePaymentJson;
import io.connectcheckout.payment.api.CreatedPaymentJson;
import io.connectcheckout.payment.api.ErrorJson;
import io.connectcheckout.payment.api.PaymentJson;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The calls the sandbox makes to the payment provider's API ({@code payment.api}'s contract) over
 * HTTP, at {@code quarkus.rest-client.connectid-sandbox-psp.url}. Only {@link PaymentProviderGateway}
 * uses it. Refusals (4xx) come out as {@link PaymentRefusedException}, failures (5xx) as
 * {@link PaymentUnreachableException}.
 */
@RegisterRestClient(configKey = "connectid-sandbox-psp")
@Path("/psp/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface PaymentProviderApi {

    @POST
    CreatedPaymentJson create(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, CreatePaymentJson body);

    @GET
    @Path("{id}")
    PaymentJson get(@HeaderParam("Authorization") String authorization, @PathParam("id") String paymentId);

    @POST
    @Path("{id}/capture")
    PaymentJson capture(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String paymentId);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new PaymentUnreachableException("payment provider answered HTTP " + status, null);
        }
        String refusal = "HTTP " + status;
        try {
            ErrorJson error = response.readEntity(ErrorJson.class);
            if (error != null && error.code() != null) {
                refusal += " " + error.code() + ": " + error.message();
            }
        } catch (RuntimeException noErrorBody) {
            // a 4xx without the API's error body (a proxy, a gateway): the status says enough
        }
        return new PaymentRefusedException("payment provider refused with " + refusal);
    }
}
