package io.connectcheckout.payment.client;

import io.connectcheckout.common.Money;
import io.connectcheckout.payment.api.AmountJson;
import io.connectcheckout.payment.api.CreatePaymentJson;
import io.connectcheckout.payment.api.CreatedPaymentJson;
import io.connectcheckout.payment.api.PaymentJson;
import io.connectcheckout.payment.api.RefundJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * {@link PaymentProvider} for the payment sandbox, spoken over HTTP ({@code quarkus.rest-client.psp.url}).
 * Fault tolerance lives one layer down in {@link SandboxPspCalls}, so that the failures the
 * fault-tolerance layer raises itself (timeout, open circuit) can be turned into
 * {@link PaymentUnavailableException} here — callers only ever see the port's two exceptions.
 */
@ApplicationScoped
public class SandboxPaymentProvider implements PaymentProvider {

    private final SandboxPspCalls gateway;
    private final CallbackVerifier verifier = new CallbackVerifier();

    SandboxPaymentProvider(SandboxPspCalls gateway) {
        this.gateway = gateway;
    }

    @Override
    public StartedPayment start(PaymentAccount account, PaymentRequest request, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        CreatePaymentJson body = new CreatePaymentJson(request.reference(), amount(request.amount()),
                request.description(), request.method().name().toLowerCase(Locale.ROOT),
                request.returnUrl().toString(), request.callbackUrl() == null ? null : request.callbackUrl().toString(),
                request.recurring(), request.method() == PaymentMethod.WALLET ? request.phoneNumber() : null);
        CreatedPaymentJson created = guarded(() -> gateway.create(account.apiKey(), idempotencyKey, body));
        return new StartedPayment(created.paymentId(), URI.create(created.redirectUrl()),
                PaymentState.valueOf(created.state()));
    }

    @Override
    public PaymentDetails get(PaymentAccount account, String paymentId) {
        return details(guarded(() -> gateway.get(account.apiKey(), paymentId)));
    }

    @Override
    public PaymentDetails capture(PaymentAccount account, String paymentId, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return details(guarded(() -> gateway.capture(account.apiKey(), idempotencyKey, paymentId)));
    }

    @Override
    public PaymentDetails cancel(PaymentAccount account, String paymentId, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return details(guarded(() -> gateway.cancel(account.apiKey(), idempotencyKey, paymentId)));
    }

    @Override
    public PaymentDetails refund(PaymentAccount account, String paymentId, Money amount, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        RefundJson body = new RefundJson(amount == null ? null : amount(amount));
        return details(guarded(() -> gateway.refund(account.apiKey(), idempotencyKey, paymentId, body)));
    }

    @Override
    public CallbackEvent verifyCallback(PaymentAccount account, byte[] rawBody, String signatureHeader) {
        return verifier.verify(account.callbackSecret(), rawBody, signatureHeader);
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (FaultToleranceException e) {
            throw new PaymentUnavailableException("payment provider unavailable: " + e.getClass().getSimpleName(), e);
        }
    }

    private static AmountJson amount(Money money) {
        return new AmountJson(money.minorUnits(), money.currency().getCurrencyCode());
    }

    private static Money money(AmountJson amount) {
        return Money.ofMinor(amount.value(), amount.currency());
    }

    private static PaymentDetails details(PaymentJson p) {
        return new PaymentDetails(p.paymentId(), p.reference(), PaymentState.valueOf(p.state()),
                PaymentMethod.valueOf(p.method().toUpperCase(Locale.ROOT)), money(p.amount()), money(p.captured()),
                money(p.refunded()), p.maskedCard(),
                p.events().stream().map(e -> new PaymentDetails.Event(e.type(), PaymentState.valueOf(e.state()),
                        e.occurredAt())).toList(), p.failureReason());
    }
}
