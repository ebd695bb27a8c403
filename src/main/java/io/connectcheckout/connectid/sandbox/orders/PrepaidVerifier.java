package io.connectcheckout.connectid.sandbox.orders;

import io.connectcheckout.common.Money;
import io.connectcheckout.connectid.api.ApiError;
import io.connectcheckout.connectid.api.PaymentInfo;
import io.connectcheckout.connectid.sandbox.ApiException;
import io.connectcheckout.connectid.sandbox.ConnectIdSandboxConfig;
import io.connectcheckout.connectid.sandbox.payment.PaymentProviderGateway;
import io.connectcheckout.connectid.sandbox.payment.PaymentRefusedException;
import io.connectcheckout.connectid.sandbox.payment.PaymentUnreachableException;
import io.connectcheckout.connectid.sandbox.payment.ProviderState;
import io.connectcheckout.payment.api.PaymentJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;

/**
 * Checks a prepaid order's payment info with the payment provider (server to server): the payment
 * exists, is paid, and its amount and currency equal the order's.
 */
@ApplicationScoped
public class PrepaidVerifier {

    static final String EXCEPTION_TYPE = "PaymentVerificationException";

    private final PaymentProviderGateway provider;
    private final ConnectIdSandboxConfig config;

    public PrepaidVerifier(PaymentProviderGateway provider, ConnectIdSandboxConfig config) {
        this.provider = provider;
        this.config = config;
    }

    /**
     * Verifies with the client's own merchant account when it has one (the publisher collected the
     * money: {@code clientApiKey}), else with the sandbox's account. The info's amount and currency,
     * when sent, must equal the order's; the payment's always must.
     */
    public void verify(String clientApiKey, PaymentInfo info, BigDecimal orderAmount, String orderCurrency) {
        if ((info.amount() != null && info.amount().compareTo(orderAmount) != 0)
                || (info.currency() != null && !info.currency().equals(orderCurrency))) {
            throw ApiException.badRequest(EXCEPTION_TYPE, "paymentInfo amount and currency must equal the order's");
        }
        PaymentJson payment;
        try {
            payment = provider.get(clientApiKey != null ? clientApiKey : config.payment().apiKey(),
                    info.transactionId());
        } catch (PaymentRefusedException e) {
            throw ApiException.badRequest(EXCEPTION_TYPE, "Unknown payment " + info.transactionId());
        } catch (PaymentUnreachableException e) {
            throw unavailable("The payment provider could not be reached; try again");
        }
        if (!ProviderState.of(payment).paid()) {
            throw ApiException.badRequest(EXCEPTION_TYPE, "Payment " + info.transactionId() + " is not paid");
        }
        Money paid = Money.ofMinor(payment.amount().value(), payment.amount().currency());
        if (paid.amount().compareTo(orderAmount) != 0 || !paid.currency().getCurrencyCode().equals(orderCurrency)) {
            throw ApiException.badRequest(EXCEPTION_TYPE, "The payment's amount or currency differs from the order's");
        }
    }

    private static WebApplicationException unavailable(String message) {
        return new WebApplicationException(message, Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", "30")
                .entity(new ApiError(EXCEPTION_TYPE, message)).build());
    }
}
