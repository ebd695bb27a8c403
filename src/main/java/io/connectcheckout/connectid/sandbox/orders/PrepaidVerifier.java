package io.connectcheckout.connectid.sandbox.orders;

import io.connectcheckout.connectid.api.PaymentInfo;
import io.connectcheckout.connectid.sandbox.ApiException;
import io.connectcheckout.connectid.sandbox.ConnectIdSandboxConfig;
import io.connectcheckout.payment.client.PaymentAccount;
import io.connectcheckout.payment.client.PaymentDetails;
import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.payment.client.PaymentRejectedException;
import io.connectcheckout.payment.client.PaymentUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
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

    private final Instance<PaymentProvider> provider;
    private final ConnectIdSandboxConfig config;

    public PrepaidVerifier(Instance<PaymentProvider> provider, ConnectIdSandboxConfig config) {
        this.provider = provider;
        this.config = config;
    }

    /**
     * Verifies with the client's own merchant account when it has one (the publisher collected the
     * money), else with the sandbox's account.
     */
    public void verify(PaymentAccount clientAccount, PaymentInfo info, BigDecimal orderAmount, String orderCurrency) {
        if (info.amount().compareTo(orderAmount) != 0 || !info.currency().equals(orderCurrency)) {
            throw ApiException.badRequest(EXCEPTION_TYPE, "paymentInfo amount and currency must equal the order's");
        }
        if (!provider.isResolvable()) {
            throw unavailable("No payment provider is configured");
        }
        PaymentDetails payment;
        try {
            payment = provider.get().get(clientAccount != null ? clientAccount : account(), info.transactionId());
        } catch (PaymentRejectedException e) {
            throw ApiException.badRequest(EXCEPTION_TYPE, "Unknown payment " + info.transactionId());
        } catch (PaymentUnavailableException e) {
            throw unavailable("The payment provider could not be reached; try again");
        }
        if (!payment.state().isPaid()) {
            throw ApiException.badRequest(EXCEPTION_TYPE, "Payment " + info.transactionId() + " is not paid");
        }
        if (payment.amount().amount().compareTo(orderAmount) != 0
                || !payment.amount().currency().getCurrencyCode().equals(orderCurrency)) {
            throw ApiException.badRequest(EXCEPTION_TYPE, "The payment's amount or currency differs from the order's");
        }
    }

    PaymentAccount account() {
        return new PaymentAccount(config.payment().apiKey(), config.payment().callbackSecret());
    }

    private static WebApplicationException unavailable(String message) {
        return new WebApplicationException(message, Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", "30")
                .entity(new io.connectcheckout.connectid.api.ApiError(EXCEPTION_TYPE, message)).build());
    }
}
