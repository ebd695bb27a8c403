package io.connectcheckout.connectid.sandbox.orders;

import io.connectcheckout.connectid.api.Address;
import io.connectcheckout.connectid.api.CompleteOrderRequest;
import io.connectcheckout.connectid.api.CompleteOrderResponse;
import io.connectcheckout.connectid.api.PaymentInfo;
import io.connectcheckout.connectid.api.RegisterOrderRequest;
import io.connectcheckout.connectid.sandbox.ApiException;
import io.connectcheckout.connectid.sandbox.oauth.Caller;
import io.connectcheckout.connectid.sandbox.oauth.CidClient;
import io.connectcheckout.connectid.sandbox.users.CidUser;
import io.connectcheckout.connectid.sandbox.users.Customer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registers and completes orders; owns the transactions. Reading them is {@link OrderQueries}. */
@ApplicationScoped
public class OrderService {

    public static final String NOT_FOUND = "OrderNotFoundException";

    private final Clock clock;
    private final PrepaidVerifier prepaid;

    public OrderService(@SandboxTime Clock clock, PrepaidVerifier prepaid) {
        this.clock = clock;
        this.prepaid = prepaid;
    }

    /**
     * Register order (both modes). A repeated {@code externalOrderId} from the same client returns the
     * first order's id (our choice), also when requests race: they wait for each other on the client's row,
     * and the unique key stays the last guard.
     */
    public long register(Caller caller, RegisterOrderRequest request) {
        OrderFieldLimits.check(request);
        String key = OrderRules.externalOrderId(request);
        Optional<Long> existing = existing(caller, key);
        if (existing.isPresent()) {
            return existing.get();
        }
        // Validate and price first; the payment provider is called outside any transaction.
        record Priced(BigDecimal amount, String currency) {
        }
        Priced priced = QuarkusTransaction.requiringNew().call(() -> {
            List<OrderRules.CheckedLine> lines = OrderRules.check(request);
            BigDecimal total = lines.stream().map(OrderRules.CheckedLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Priced(request.orderAmount() != null ? request.orderAmount() : total,
                    request.currency() != null ? request.currency() : "NOK");
        });
        PaymentInfo info = Boolean.TRUE.equals(request.prepaid()) ? OrderRules.paymentInfo(request) : null;
        if (info != null) {
            String clientApiKey = QuarkusTransaction.requiringNew()
                    .call(() -> CidClient.<CidClient>findById(caller.clientPk()).pspApiKey);
            prepaid.verify(clientApiKey, info, priced.amount(), priced.currency());
        }
        // A unique key can be hit by a racing request: the same externalOrderId (then answer with the
        // first order) or the same new customer number (then simply try again).
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> store(caller, request, priced.amount(),
                        priced.currency(), info));
            } catch (PersistenceException conflict) {
                Optional<Long> first = existing(caller, key);
                if (first.isPresent()) {
                    return first.get();
                }
                if (attempt == 3) {
                    throw conflict;
                }
            }
        }
    }

    private Optional<Long> existing(Caller caller, String externalOrderId) {
        if (externalOrderId == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> SandboxOrder
                .<SandboxOrder>find("client.id = ?1 and externalOrderId = ?2", caller.clientPk(), externalOrderId)
                .firstResultOptional().map(o -> o.id));
    }

    private long store(Caller caller, RegisterOrderRequest r, BigDecimal amount, String currency, PaymentInfo info) {
        List<OrderRules.CheckedLine> lines = OrderRules.check(r);
        String key = OrderRules.externalOrderId(r);
        Instant now = clock.instant();
        if (key != null) {
            // Repeats racing past the first look (same client, same externalOrderId) wait here for each
            // other, so the second finds the first order instead of hitting the unique key: a lost race
            // is expected data, and the database's refusal would be logged as a WARN with the SQL.
            CidClient.findById(caller.clientPk(), LockModeType.PESSIMISTIC_WRITE);
            Optional<SandboxOrder> first = SandboxOrder.<SandboxOrder>find("client.id = ?1 and externalOrderId = ?2",
                    caller.clientPk(), key).firstResultOptional();
            if (first.isPresent()) {
                return first.get().id;
            }
        }
        if (info != null) {
            // Read committed: the first order may commit between the look above and this one, so the
            // order holding the payment is compared, not counted: the same attempt is the same order.
            List<SandboxOrder> paidWith = SandboxOrder.list("paymentReference = ?1 and prepaid = true",
                    info.transactionId());
            for (SandboxOrder other : paidWith) {
                if (other.client.id.equals(caller.clientPk()) && key != null
                        && key.equals(other.externalOrderId)) {
                    return other.id;
                }
            }
            if (!paidWith.isEmpty()) {
                throw ApiException.badRequest(PrepaidVerifier.EXCEPTION_TYPE,
                        "Payment " + info.transactionId() + " already paid another order");
            }
        }
        SandboxOrder order = new SandboxOrder();
        order.id = OrderIds.next();
        order.client = CidClient.findById(caller.clientPk());
        order.externalOrderId = key;
        order.paymentMethod = r.paymentMethod();
        order.prepaid = info != null;
        order.recurring = Boolean.TRUE.equals(r.recurring());
        order.orderAmount = amount;
        order.currency = currency;
        order.orderTime = now;
        order.orderDate = OrderRules.instant(r.orderDate());
        order.marketingCouponCode = r.marketingCouponCode();
        order.marketingCouponNumber = r.marketingCouponNumber();
        order.campaignParameters = r.campaignParameters();
        order.companyCode = r.companyCode();
        order.paymentReference = info == null ? null : info.transactionId();
        if (caller.userMode()) {
            order.user = CidUser.findById(caller.userPk());
        } else if (r.uniqueUserId() != null) {
            order.user = CidUser.<CidUser>find("uniqueUserId", r.uniqueUserId()).firstResultOptional()
                    .orElseThrow(() -> ApiException.validation("Unknown uniqueUserId"));
        }
        order.customer = customerFor(order.user, r.payer(), now);
        order.register(now);
        int no = 1;
        for (OrderRules.CheckedLine checked : lines) {
            SandboxOrderLine line = new SandboxOrderLine();
            line.order = order;
            line.lineNo = no++;
            line.specType = checked.line().productSpecType();
            line.specCode = checked.line().productSpecCode();
            line.specNo = checked.line().productSpecNo();
            line.product = checked.line().product();
            line.description = checked.description();
            line.quantity = checked.quantity();
            line.unitPrice = checked.unitPrice();
            line.voucherCode = checked.line().voucherCode();
            line.startDate = checked.line().startInfo() == null ? null
                    : OrderRules.instant(checked.line().startInfo().startDate());
            order.lines.add(line);
        }
        order.persist();
        order.flush();
        return order.id;
    }

    /** The payer's customer: the given customer number, the user's customer, or a new one from the payer. */
    private static Customer customerFor(CidUser user, Address payer, Instant now) {
        if (payer.customerNumber() != null) {
            return Customer.<Customer>find("customerNumber", payer.customerNumber()).firstResultOptional()
                    .orElseThrow(() -> ApiException.validation("Unknown payer.customerNumber"));
        }
        if (user != null && user.customer != null) {
            return user.customer;
        }
        Customer customer = new Customer();
        customer.customerNumber = Customer.nextNumber();
        customer.firstName = payer.firstName();
        customer.lastName = payer.lastName();
        customer.companyName = payer.companyName();
        customer.street = payer.street();
        customer.streetNumber = payer.streetNumber();
        customer.postalCode = payer.postalCode();
        customer.postalPlace = payer.postalPlace();
        customer.countryCode = payer.countryCode();
        customer.email = payer.emails() == null || payer.emails().isEmpty() ? null
                : payer.emails().get(0).trim().toLowerCase(java.util.Locale.ROOT);
        customer.phone = payer.phoneNumbers() == null || payer.phoneNumbers().isEmpty() ? null
                : payer.phoneNumbers().get(0);
        customer.createdAt = now;
        customer.persist();
        if (user != null) {
            user.customer = customer;
        }
        return customer;
    }

    /**
     * Complete order – client mode: prepaid orders and the methods the reference lists for the
     * fulfillment API (sms, invoice, free, kco, creditcardPayex, other; connectid-api-notes.md §2.3)
     * complete at once; anything else answers {@code ERROR} (it needs the fulfillment URL). Repeating it on a
     * completed order answers {@code OK} again.
     */
    @Transactional
    public CompleteOrderResponse complete(Caller caller, CompleteOrderRequest request) {
        if (request.orderId() == null) {
            throw ApiException.validation("orderId is required");
        }
        if (request.callbackUrl() != null && !request.callbackUrl().matches("^https?://\\S{1,990}$")) {
            throw ApiException.validation("callbackUrl must be an absolute http(s) URL");
        }
        // Two completions of one order (a client's callback and its return racing) run one after
        // the other: the second reads the order as the first left it and answers OK, instead of
        // both completing it and the second failing on what completion gives (its subscriptions).
        SandboxOrder order = owned(caller, request.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order.status() == OrderState.COMPLETED) {
            return new CompleteOrderResponse("OK", order.id, null);
        }
        if (order.status().terminal()) {
            return new CompleteOrderResponse("ERROR", order.id, "The order is " + order.status().wire());
        }
        if (!order.completableByApi()) {
            return new CompleteOrderResponse("ERROR", order.id,
                    "paymentMethod " + order.paymentMethod + " needs the fulfillment URL");
        }
        order.moveTo(OrderState.COMPLETED, order.prepaid ? "completed (prepaid)" : "completed (" + order.paymentMethod + ")",
                clock.instant());
        order.fulfillmentStatus = "success";
        return new CompleteOrderResponse("OK", order.id, null);
    }

    static long parseId(String orderId) {
        try {
            long id = Long.parseLong(orderId);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // fall through
        }
        throw ApiException.validation("orderId must be a positive integer");
    }

    /** The order if it belongs to the calling client; otherwise the same 400 as for a missing order. */
    static SandboxOrder owned(Caller caller, long orderId) {
        return owned(caller, orderId, LockModeType.NONE);
    }

    /** {@link #owned(Caller, long)}, read with {@code lock}. */
    static SandboxOrder owned(Caller caller, long orderId, LockModeType lock) {
        SandboxOrder order = SandboxOrder.findById(orderId, lock);
        if (order == null || !order.client.id.equals(caller.clientPk())) {
            throw ApiException.badRequest(NOT_FOUND, "Order " + orderId + " not found");
        }
        return order;
    }
}
