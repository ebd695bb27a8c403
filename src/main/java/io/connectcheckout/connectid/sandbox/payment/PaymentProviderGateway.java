package io.connectcheckout.connectid.sandbox.payment;

import io.connectcheckout.payment.api.CreatePaymentJson;
import io.connectcheckout.payment.api.CreatedPaymentJson;
import io.connectcheckout.payment.api.PaymentJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The sandbox's way to the payment provider (fulfillment, and verifying a prepaid order's
 * payment), with its fault tolerance: a timeout on each attempt, retries for every call (all are
 * safe to repeat: a read, or a POST carrying an Idempotency-Key), and a circuit breaker that opens
 * on unavailability, never on refusals. Callers see only {@link PaymentRefusedException} and
 * {@link PaymentUnreachableException}; the fallbacks turn the fault-tolerance layer's own failures
 * (timeout, open circuit) into the latter. Tunable per method through MicroProfile Fault
 * Tolerance configuration.
 */
@ApplicationScoped
@Timeout(8000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000,
        failOn = {PaymentUnreachableException.class, TimeoutException.class})
@Retry(maxRetries = 2, delay = 200, jitter = 100,
        retryOn = {PaymentUnreachableException.class, TimeoutException.class}, abortOn = PaymentRefusedException.class)
public class PaymentProviderGateway {

    private final PaymentProviderApi api;

    PaymentProviderGateway(@RestClient PaymentProviderApi api) {
        this.api = api;
    }

    /** Creates a payment for the shopper to complete on the provider's page; the same key gives the same payment. */
    @Fallback(fallbackMethod = "unreachable", skipOn = {PaymentRefusedException.class, PaymentUnreachableException.class})
    public CreatedPaymentJson create(String apiKey, String idempotencyKey, CreatePaymentJson body) {
        return reach(() -> api.create(bearer(apiKey), idempotencyKey, body));
    }

    /** Reads a payment: server to server, the only source trusted for its outcome. */
    @Fallback(fallbackMethod = "unreachable", skipOn = {PaymentRefusedException.class, PaymentUnreachableException.class})
    public PaymentJson get(String apiKey, String paymentId) {
        return reach(() -> api.get(bearer(apiKey), paymentId));
    }

    /** Captures an authorized payment in full. */
    @Fallback(fallbackMethod = "unreachable", skipOn = {PaymentRefusedException.class, PaymentUnreachableException.class})
    public PaymentJson capture(String apiKey, String idempotencyKey, String paymentId) {
        return reach(() -> api.capture(bearer(apiKey), idempotencyKey, paymentId));
    }

    private CreatedPaymentJson unreachable(String apiKey, String idempotencyKey, CreatePaymentJson body,
            Throwable failure) {
        throw unreachable(failure);
    }

    private PaymentJson unreachable(String apiKey, String paymentId, Throwable failure) {
        throw unreachable(failure);
    }

    private PaymentJson unreachable(String apiKey, String idempotencyKey, String paymentId, Throwable failure) {
        throw unreachable(failure);
    }

    private static PaymentUnreachableException unreachable(Throwable failure) {
        return new PaymentUnreachableException("payment provider unavailable: " + failure.getClass().getSimpleName(),
                failure);
    }

    private static <T> T reach(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            throw new PaymentUnreachableException("payment provider unreachable: " + e.getMessage(), e);
        }
    }

    private static String bearer(String apiKey) {
        return "Bearer " + apiKey;
    }
}
