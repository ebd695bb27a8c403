package io.connectcheckout.payment.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.payment.api.CreatePaymentJson;
import io.connectcheckout.payment.api.CreatedPaymentJson;
import io.connectcheckout.payment.api.ErrorCodes;
import io.connectcheckout.payment.api.ErrorJson;
import io.connectcheckout.payment.api.PaymentJson;
import io.connectcheckout.payment.api.RefundJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The calls to the sandbox with their fault tolerance: a timeout on each, a circuit breaker that
 * opens on unavailability (never on refusals), and retries for every call here — all are
 * idempotent (a GET, or a POST carrying an Idempotency-Key). Maps 4xx to
 * {@link PaymentRejectedException} and 5xx / connection failures to {@link PaymentUnavailableException}.
 * Values can be tuned per method through MicroProfile Fault Tolerance configuration.
 */
@ApplicationScoped
class SandboxPspCalls {

    private final SandboxPspApi client;
    private final ObjectMapper json;

    SandboxPspCalls(@RestClient SandboxPspApi client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Timeout(8000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000,
            failOn = {PaymentUnavailableException.class, TimeoutException.class})
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {PaymentUnavailableException.class, TimeoutException.class}, abortOn = PaymentRejectedException.class)
    CreatedPaymentJson create(String apiKey, String idempotencyKey, CreatePaymentJson body) {
        return call(() -> client.create(bearer(apiKey), idempotencyKey, body));
    }

    @Timeout(8000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000,
            failOn = {PaymentUnavailableException.class, TimeoutException.class})
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {PaymentUnavailableException.class, TimeoutException.class}, abortOn = PaymentRejectedException.class)
    PaymentJson get(String apiKey, String paymentId) {
        return call(() -> client.get(bearer(apiKey), paymentId));
    }

    @Timeout(8000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000,
            failOn = {PaymentUnavailableException.class, TimeoutException.class})
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {PaymentUnavailableException.class, TimeoutException.class}, abortOn = PaymentRejectedException.class)
    PaymentJson capture(String apiKey, String idempotencyKey, String paymentId) {
        return call(() -> client.capture(bearer(apiKey), idempotencyKey, paymentId));
    }

    @Timeout(8000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000,
            failOn = {PaymentUnavailableException.class, TimeoutException.class})
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {PaymentUnavailableException.class, TimeoutException.class}, abortOn = PaymentRejectedException.class)
    PaymentJson cancel(String apiKey, String idempotencyKey, String paymentId) {
        return call(() -> client.cancel(bearer(apiKey), idempotencyKey, paymentId));
    }

    @Timeout(8000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000,
            failOn = {PaymentUnavailableException.class, TimeoutException.class})
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {PaymentUnavailableException.class, TimeoutException.class}, abortOn = PaymentRejectedException.class)
    PaymentJson refund(String apiKey, String idempotencyKey, String paymentId, RefundJson body) {
        return call(() -> client.refund(bearer(apiKey), idempotencyKey, paymentId, body));
    }

    private static String bearer(String apiKey) {
        return "Bearer " + apiKey;
    }

    private <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            int status = response == null ? 500 : response.getStatus();
            if (status >= 400 && status < 500) {
                ErrorJson error = error(response);
                if (status == 409 && ErrorCodes.CONCURRENT_UPDATE.equals(error.code())) {
                    throw new PaymentConflictException(error.message());
                }
                throw new PaymentRejectedException(status, error.code(), error.message());
            }
            throw new PaymentUnavailableException("payment provider answered HTTP " + status, e);
        } catch (ProcessingException e) {
            throw new PaymentUnavailableException("payment provider unreachable: " + e.getMessage(), e);
        }
    }

    private ErrorJson error(Response response) {
        try {
            ErrorJson body = json.readValue(response.readEntity(String.class), ErrorJson.class);
            if (body != null && body.code() != null) {
                return body;
            }
        } catch (Exception unreadable) {
            // fall through: a 4xx without our error body (a proxy, a gateway)
        }
        return new ErrorJson("http_" + response.getStatus(), "HTTP " + response.getStatus());
    }
}
