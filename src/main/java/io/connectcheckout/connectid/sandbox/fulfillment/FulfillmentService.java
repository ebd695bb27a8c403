package io.connectcheckout.connectid.sandbox.fulfillment;

import io.connectcheckout.common.Money;
import io.connectcheckout.connectid.sandbox.ConnectIdSandboxConfig;
import io.connectcheckout.connectid.sandbox.oauth.CidClient;
import io.connectcheckout.connectid.sandbox.orders.OrderState;
import io.connectcheckout.connectid.sandbox.orders.SandboxOrder;
import io.connectcheckout.connectid.sandbox.payment.PaymentProviderGateway;
import io.connectcheckout.connectid.sandbox.payment.PaymentRefusedException;
import io.connectcheckout.connectid.sandbox.payment.PaymentUnreachableException;
import io.connectcheckout.connectid.sandbox.payment.ProviderState;
import io.connectcheckout.payment.api.AmountJson;
import io.connectcheckout.payment.api.CreatePaymentJson;
import io.connectcheckout.payment.api.CreatedPaymentJson;
import io.connectcheckout.payment.api.PaymentJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The fulfillment URL: takes the browser to the payment provider for a registered order and, on
 * the way back, reads the payment server to server, captures it and finishes the order. The
 * browser's query parameters are never trusted for the outcome. Provider calls happen outside
 * database transactions; the order's version guards against two returns racing.
 */
@ApplicationScoped
public class FulfillmentService {

    private static final Logger LOG = Logger.getLogger(FulfillmentService.class);

    /** What to do with the browser. */
    public sealed interface Next permits Invalid, Back, ToPayment {
    }

    /** The request is not valid: show an error page, never redirect. */
    public record Invalid(String reason) implements Next {
    }

    /** Back to the client's returnUrl (or errorUrl) with {@code fulfillmentStatus}. */
    public record Back(String url, String fulfillmentStatus) implements Next {
    }

    /** On to the payment provider's page. */
    public record ToPayment(URI redirectUrl) implements Next {
    }

    private record Visit(Long orderId, boolean terminal, String outcome, boolean needsPayment, String paymentId,
            CreatePaymentJson request, String returnUrl, String errorUrl, String apiKey) {
    }

    private final PaymentProviderGateway provider;
    private final ConnectIdSandboxConfig config;
    private final Clock clock;

    public FulfillmentService(PaymentProviderGateway provider, ConnectIdSandboxConfig config, @SandboxTime Clock clock) {
        this.provider = provider;
        this.config = config;
        this.clock = clock;
    }

    /**
     * {@code GET /user/fulfillment} (connectid-api-notes.md §3): validate, then finish at once, or
     * start (or resume) the payment. {@code clientId} may be absent, as the published clients build
     * the URL with {@code orderId} and {@code returnUrl} only (connectid-api.md, "Evidence"): the
     * client is then the order's; when given, it must be the order's. {@code browserToken} is the
     * value of the browser's fulfillment cookie: the first visit binds the order to it, later
     * visits from another browser are answered as an unknown order.
     */
    public Next start(String clientId, String orderIdParam, String returnUrl, String errorUrl, String browserToken) {
        Optional<Long> orderId = parseId(orderIdParam);
        if (orderId.isEmpty() || browserToken == null) {
            return new Invalid("orderId");
        }
        Next checked;
        try {
            checked = QuarkusTransaction.requiringNew().call(() -> check(clientId, orderId.get(), returnUrl, errorUrl,
                    browserToken));
        } catch (PersistenceException raced) {
            // Two first visits at once: the other browser bound the order.
            return new Invalid("orderId");
        }
        if (checked != null) {
            return checked;
        }
        Visit visit = QuarkusTransaction.requiringNew().call(() -> begin(orderId.get(), returnUrl, errorUrl));
        if (visit.terminal()) {
            return back(visit, visit.outcome());
        }
        if (!visit.needsPayment()) {
            return back(visit, finish(visit.orderId(), OrderState.COMPLETED, "completed by the fulfillment URL"));
        }
        if (visit.paymentId() != null) {
            // A payment was started before: if it has an outcome, report it; never start a second one.
            String outcome = settle(visit);
            if (!"unknown".equals(outcome)) {
                return back(visit, outcome);
            }
        }
        try {
            // The same idempotency key on every visit: the provider returns the same payment.
            CreatedPaymentJson started = provider.create(visit.apiKey(), "cid-order-" + visit.orderId(), visit.request());
            QuarkusTransaction.requiringNew().run(() -> {
                SandboxOrder order = SandboxOrder.findById(visit.orderId());
                order.paymentReference = started.paymentId();
            });
            return new ToPayment(URI.create(started.redirectUrl()));
        } catch (PaymentRefusedException | PaymentUnreachableException e) {
            LOG.warnf("Could not start the payment for order %d: %s", visit.orderId(), e.getMessage());
            return new Back(visit.errorUrl(), "error");
        }
    }

    /**
     * The browser is back from the provider: verify server to server, capture, finish the order.
     * Only the browser the fulfillment is bound to gets an answer; any other is told the order is
     * unknown, and nothing is read, captured or changed.
     */
    public Next back(String orderIdParam, String browserToken) {
        Optional<Long> orderId = parseId(orderIdParam);
        if (orderId.isEmpty()) {
            return new Invalid("orderId");
        }
        Visit visit = QuarkusTransaction.requiringNew().call(() -> {
            SandboxOrder order = SandboxOrder.findById(orderId.get());
            FulfillmentBrowser browser = FulfillmentBrowser.findById(orderId.get());
            if (order == null || browser == null || !browser.heldBy(browserToken)) {
                return null;
            }
            if (order.returnUrl == null || order.paymentReference == null || order.prepaid) {
                return null;
            }
            return visit(order, null);
        });
        if (visit == null) {
            return new Invalid("orderId");
        }
        if (visit.terminal()) {
            return back(visit, visit.outcome());
        }
        return back(visit, settle(visit));
    }

    /** Reads the payment, captures an authorization, and finishes the order accordingly; "unknown" when undecided. */
    private String settle(Visit visit) {
        try {
            PaymentJson payment = provider.get(visit.apiKey(), visit.paymentId());
            if (ProviderState.of(payment) == ProviderState.AUTHORIZED) {
                payment = provider.capture(visit.apiKey(), "cid-capture-" + visit.orderId(), visit.paymentId());
            }
            return outcomeOf(visit.orderId(), ProviderState.of(payment));
        } catch (PaymentRefusedException | PaymentUnreachableException e) {
            LOG.warnf("Could not verify the payment of order %d: %s", visit.orderId(), e.getMessage());
            return "unknown";
        }
    }

    private String outcomeOf(Long orderId, ProviderState state) {
        return switch (state) {
            case CAPTURED, PARTIALLY_REFUNDED, REFUNDED -> finish(orderId, OrderState.COMPLETED, "paid: " + state);
            case ABORTED -> finish(orderId, OrderState.CANCELLED, "payment cancelled by the shopper");
            case FAILED, EXPIRED, CANCELLED -> finish(orderId, OrderState.FAILED, "payment " + state);
            // Still waiting for the shopper (or capture not confirmed): say so, change nothing.
            case CREATED, AUTHORIZED -> "unknown";
        };
    }

    /** Moves the order once; when another request finished it first, reports that outcome instead. */
    private String finish(Long orderId, OrderState next, String note) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // Locked: a return and a capture callback finishing one order run one after the other.
                SandboxOrder order = SandboxOrder.findById(orderId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (order.status().terminal()) {
                    return order.outcome();
                }
                order.moveTo(next, note, clock.instant());
                order.fulfillmentStatus = order.outcome();
                order.flush();
                return order.outcome();
            });
        } catch (PersistenceException raced) {
            return QuarkusTransaction.requiringNew().call(() -> SandboxOrder.<SandboxOrder>findById(orderId).outcome());
        }
    }

    /** Null when the visit may go on; binds the order to the browser on its first visit. */
    private Next check(String clientId, Long orderId, String returnUrl, String errorUrl, String browserToken) {
        SandboxOrder order = SandboxOrder.findById(orderId);
        if (order == null) {
            return new Invalid("orderId");
        }
        boolean named = clientId != null && !clientId.isEmpty();
        Optional<CidClient> client = named ? CidClient.byClientId(clientId) : Optional.of(order.client);
        if (client.isEmpty()) {
            return new Invalid("clientId");
        }
        if (!order.client.id.equals(client.get().id)) {
            return new Invalid("orderId");
        }
        if (!client.get().allowsReturnUrl(returnUrl)) {
            return new Invalid("returnUrl");
        }
        if (errorUrl != null && !errorUrl.isEmpty() && !client.get().allowsReturnUrl(errorUrl)) {
            return new Invalid("errorUrl");
        }
        FulfillmentBrowser browser = FulfillmentBrowser.findById(orderId);
        if (browser == null) {
            FulfillmentBrowser.bind(orderId, browserToken, clock.instant());
            FulfillmentBrowser.flush();
        } else if (!browser.heldBy(browserToken)) {
            return new Invalid("orderId");
        }
        return null;
    }

    private Visit begin(Long orderId, String returnUrl, String errorUrl) {
        SandboxOrder order = SandboxOrder.findById(orderId);
        order.returnUrl = returnUrl;
        order.errorUrl = errorUrl == null || errorUrl.isEmpty() ? null : errorUrl;
        return visit(order, order.paymentMethod);
    }

    private Visit visit(SandboxOrder order, String method) {
        boolean free = order.orderAmount.signum() == 0 || order.interactionFree();
        CreatePaymentJson request = null;
        if (!free && method != null) {
            String description = order.lines.isEmpty() ? "Order " + order.id : order.lines.get(0).description;
            Money amount = Money.of(order.orderAmount, order.currency);
            request = new CreatePaymentJson("cid-order-" + order.id,
                    new AmountJson(amount.minorUnits(), amount.currency().getCurrencyCode()), description,
                    pspMethod(method), publicUrl() + "/user/fulfillment/return?orderId=" + order.id, null,
                    order.recurring);
        }
        return new Visit(order.id, order.status().terminal(), order.outcome(), !free, order.paymentReference, request,
                order.returnUrl, order.errorUrl != null ? order.errorUrl : order.returnUrl, apiKey(order));
    }

    /** Card for card-like methods, wallet for app approvals (the contract's methods mapped onto the PSP's). */
    static String pspMethod(String paymentMethod) {
        return SandboxOrder.WALLET_METHODS.contains(paymentMethod) ? "wallet" : "card";
    }

    private static Next back(Visit visit, String status) {
        return new Back(visit.returnUrl(), status);
    }

    /**
     * The merchant account the order's money is collected on: the client's own at the provider
     * when it has one (as ConnectID's fulfillment uses the publisher's payment agreement, so the
     * payment page shows the publisher; issue 14 item 10), else the sandbox's own.
     */
    private String apiKey(SandboxOrder order) {
        String client = order.client == null ? null : order.client.pspApiKey;
        return client != null && !client.isBlank() ? client : config.payment().apiKey();
    }

    private String publicUrl() {
        return config.publicUrl().replaceAll("/+$", "");
    }

    private static Optional<Long> parseId(String value) {
        try {
            long id = Long.parseLong(value);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
