package io.connectcheckout.payment.client;

import io.connectcheckout.payment.api.CreatePaymentJson;
import io.connectcheckout.payment.api.CreatedPaymentJson;
import io.connectcheckout.payment.api.PaymentJson;
import io.connectcheckout.payment.api.RefundJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The sandbox's payment API over HTTP. Only {@link SandboxPspCalls} uses it. */
@RegisterRestClient(configKey = "psp")
@Path("/psp/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface SandboxPspApi {

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

    @POST
    @Path("{id}/cancel")
    PaymentJson cancel(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String paymentId);

    @POST
    @Path("{id}/refund")
    PaymentJson refund(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String paymentId,
            RefundJson body);
}
