package io.connectcheckout.payment.sandbox.merchantapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.common.UniqueKeys;
import io.connectcheckout.payment.api.CreatePaymentJson;
import io.connectcheckout.payment.api.ErrorCodes;
import io.connectcheckout.payment.api.ErrorJson;
import io.connectcheckout.payment.api.RefundJson;
import io.connectcheckout.payment.sandbox.merchants.PspMerchant;
import io.connectcheckout.payment.sandbox.payments.IllegalMoveException;
import io.connectcheckout.payment.sandbox.payments.RefundTooLargeException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The sandbox's payment API under {@code /psp/v1} (documented in {@code docs/payment-sandbox.md}).
 * Merchants authenticate with {@code Authorization: Bearer <api key>}. Bodies are parsed here, not
 * by the framework, so malformed JSON gets the documented error body like every other refusal.
 */
@Path("/psp/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentApiResource {

    private static final Logger LOG = Logger.getLogger(PaymentApiResource.class);

    private final MerchantPayments payments;
    private final IdempotentCalls idempotent;
    private final ObjectMapper json;

    public PaymentApiResource(MerchantPayments payments, IdempotentCalls idempotent, ObjectMapper json) {
        this.payments = payments;
        this.idempotent = idempotent;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String key, String body) {
        PspMerchant merchant = authenticate(authorization);
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new PspApiException(400, ErrorCodes.IDEMPOTENCY_KEY_MISSING,
                    "POST /payments needs an Idempotency-Key header (at most 255 characters)");
        }
        CreatePaymentJson request = parse(body, CreatePaymentJson.class, false);
        return answer(idempotent.run(merchant, key, fingerprint("POST /payments", request),
                () -> new IdempotentCalls.Answer(201, write(payments.create(merchant, request)))));
    }

    @GET
    @Path("{id}")
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        PspMerchant merchant = authenticate(authorization);
        return answer(new IdempotentCalls.Answer(200, write(payments.get(merchant, id))));
    }

    @POST
    @Path("{id}/capture")
    @Consumes(MediaType.WILDCARD)
    public Response capture(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String key, @PathParam("id") String id) {
        PspMerchant merchant = authenticate(authorization);
        return optionallyIdempotent(merchant, key, "capture " + id, () -> payments.capture(merchant, id));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public Response cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String key, @PathParam("id") String id) {
        PspMerchant merchant = authenticate(authorization);
        return optionallyIdempotent(merchant, key, "cancel " + id, () -> payments.cancel(merchant, id));
    }

    @POST
    @Path("{id}/refund")
    @Consumes(MediaType.WILDCARD)
    public Response refund(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String key, @PathParam("id") String id, String body) {
        PspMerchant merchant = authenticate(authorization);
        RefundJson request = parse(body, RefundJson.class, true);
        RefundJson refund = request == null ? new RefundJson(null) : request;
        return optionallyIdempotent(merchant, key, "refund " + id + " " + write(refund),
                () -> payments.refund(merchant, id, refund.amount()));
    }

    /** Deeper paths that are not part of the API: the JSON 404 (see {@link PaymentApiFallbackResource}). */
    @GET
    @Path("{id}/{rest: .+}")
    public Response unknownGet() {
        return PaymentApiFallbackResource.notFound();
    }

    @POST
    @Path("{id}/{rest: .+}")
    @Consumes(MediaType.WILDCARD)
    public Response unknownPost() {
        return PaymentApiFallbackResource.notFound();
    }

    private Response optionallyIdempotent(PspMerchant merchant, String key, String what, Supplier<Object> call) {
        if (key == null || key.isBlank()) {
            return answer(new IdempotentCalls.Answer(200, write(call.get())));
        }
        if (key.length() > 255) {
            throw new PspApiException(400, ErrorCodes.IDEMPOTENCY_KEY_MISSING, "Idempotency-Key is too long");
        }
        return answer(idempotent.run(merchant, key, fingerprint(what, null),
                () -> new IdempotentCalls.Answer(200, write(call.get()))));
    }

    private PspMerchant authenticate(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = authorization.substring(7).trim();
            PspMerchant merchant = key.isEmpty() || key.length() > 200 ? null : PspMerchant.byApiKey(key);
            if (merchant != null) {
                return merchant;
            }
        }
        throw new PspApiException(401, ErrorCodes.UNAUTHORIZED, "A valid API key is required (Authorization: Bearer ...)");
    }

    private <T> T parse(String body, Class<T> type, boolean optional) {
        if (body == null || body.isBlank()) {
            if (optional) {
                return null;
            }
            throw new PspApiException(400, ErrorCodes.MALFORMED_JSON, "The request needs a JSON body");
        }
        try {
            T value = json.readerFor(type).without(DeserializationFeature.ACCEPT_FLOAT_AS_INT).readValue(body);
            if (value == null) {
                throw new PspApiException(400, ErrorCodes.MALFORMED_JSON, "The request needs a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new PspApiException(400, ErrorCodes.MALFORMED_JSON,
                    "The body is not valid JSON of the expected shape" + location(e));
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private String fingerprint(String what, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(what.getBytes(StandardCharsets.UTF_8));
            if (request != null) {
                sha.update(write(request).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response answer(IdempotentCalls.Answer answer) {
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(answer.body()).build();
    }

    private static Response error(int status, ErrorJson body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response refused(PspApiException e) {
        return error(e.status, e.body);
    }

    @ServerExceptionMapper
    public Response illegalMove(IllegalMoveException e) {
        return error(409, new ErrorJson(ErrorCodes.ILLEGAL_STATE, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response refundTooLarge(RefundTooLargeException e) {
        return error(422, new ErrorJson(ErrorCodes.REFUND_EXCEEDS_CAPTURED, e.getMessage(), "amount.value"));
    }

    /** Two calls changed the same payment (or used the same new key) at once: the loser may retry. */
    @ServerExceptionMapper({OptimisticLockException.class, PersistenceException.class,
            org.hibernate.StaleStateException.class})
    public Response concurrent(RuntimeException e) {
        if (UniqueKeys.refused(e) || e instanceof OptimisticLockException
                || e instanceof org.hibernate.StaleStateException) {
            return error(409, new ErrorJson(ErrorCodes.CONCURRENT_UPDATE,
                    "The payment changed at the same moment; read it and try again"));
        }
        LOG.error("Payment API failure", e);
        return error(500, new ErrorJson("internal_error", "Something went wrong at the payment sandbox"));
    }
}
