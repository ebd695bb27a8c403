package io.connectcheckout.payment.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.payment.api.AmountJson;
import io.connectcheckout.payment.api.CallbackJson;
import io.connectcheckout.payment.api.CreatePaymentJson;
import io.connectcheckout.payment.api.CreatedPaymentJson;
import io.connectcheckout.payment.api.ErrorCodes;
import io.connectcheckout.payment.api.PaymentJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The rules of the sandbox PSP: creating payments, the shopper's steps on the hosted page, the
 * merchant's capture/cancel/refund, expiry. Every state change writes an event and, when the
 * payment has a callback URL, an outbox row in the same transaction.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MAX_AMOUNT = 100_000_000_00L;
    private static final Set<String> METHODS = Set.of("card", "wallet");

    private final PspConfig config;
    private final ObjectMapper json;

    public PaymentService(PspConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    // ---- merchant API -------------------------------------------------------------------------

    @Transactional
    public CreatedPaymentJson create(PspMerchant merchant, CreatePaymentJson request) {
        Currency currency = validate(merchant, request);
        if (PspPayment.count("merchant = ?1 and reference = ?2", merchant, request.reference().trim()) > 0) {
            throw new PspApiException(409, ErrorCodes.DUPLICATE_REFERENCE,
                    "Another payment already has this reference", "reference");
        }
        Instant now = Instant.now();
        PspPayment payment = new PspPayment();
        payment.paymentId = "pay_" + randomHex();
        payment.merchant = merchant;
        payment.reference = request.reference().trim();
        payment.amountMinor = request.amount().value();
        payment.currency = currency.getCurrencyCode();
        payment.description = request.description().trim();
        payment.method = request.method();
        payment.returnUrl = request.returnUrl();
        payment.callbackUrl = blank(request.callbackUrl()) ? null : request.callbackUrl();
        payment.recurring = Boolean.TRUE.equals(request.recurring());
        payment.state = PspState.CREATED;
        payment.createdAt = now;
        payment.updatedAt = now;
        payment.expiresAt = now.plus(config.paymentTtl());
        payment.persist();
        record(payment, "created", payment.amountMinor, false);
        LOG.infof("Payment %s created for merchant %s, reference %s", payment.paymentId, merchant.slug,
                payment.reference);
        return new CreatedPaymentJson(payment.paymentId, redirectUrl(payment), payment.state.name());
    }

    private Currency validate(PspMerchant merchant, CreatePaymentJson r) {
        if (blank(r.reference()) || r.reference().trim().length() > 100) {
            throw invalid("reference", "reference is required (at most 100 characters)");
        }
        if (r.amount() == null || r.amount().value() == null) {
            throw invalid("amount", "amount {value, currency} is required");
        }
        if (r.amount().value() <= 0 || r.amount().value() > MAX_AMOUNT) {
            throw new PspApiException(422, ErrorCodes.INVALID_AMOUNT,
                    "amount.value must be a positive number of minor units", "amount.value");
        }
        Currency currency = currency(r.amount().currency());
        if (blank(r.description()) || r.description().trim().length() > 200) {
            throw invalid("description", "description is required (at most 200 characters)");
        }
        if (r.method() == null || !METHODS.contains(r.method())) {
            throw invalid("method", "method must be card or wallet");
        }
        URI returnUrl = url(r.returnUrl(), "returnUrl");
        if (returnUrl == null) {
            throw invalid("returnUrl", "returnUrl is required");
        }
        if (!merchant.allowsReturnTo(returnUrl)) {
            throw new PspApiException(422, ErrorCodes.RETURN_URL_NOT_ALLOWED,
                    "returnUrl's host is not registered for this merchant", "returnUrl");
        }
        URI callbackUrl = url(r.callbackUrl(), "callbackUrl");
        if (callbackUrl != null && !merchant.allowsCallbackTo(callbackUrl)) {
            throw new PspApiException(422, ErrorCodes.CALLBACK_URL_NOT_ALLOWED,
                    "callbackUrl's host is not registered for this merchant", "callbackUrl");
        }
        return currency;
    }

    static Currency currency(String code) {
        try {
            Currency currency = code == null || !code.matches("[A-Z]{3}") ? null : Currency.getInstance(code);
            if (currency != null && currency.getDefaultFractionDigits() >= 0) {
                return currency;
            }
        } catch (IllegalArgumentException unknown) {
            // answered below
        }
        throw new PspApiException(422, ErrorCodes.INVALID_CURRENCY,
                "amount.currency must be an ISO 4217 code such as NOK", "amount.currency");
    }

    private static URI url(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (value.length() <= 1000 && uri.isAbsolute() && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException bad) {
            // answered below
        }
        throw invalid(field, field + " must be an absolute http(s) URL");
    }

    private static PspApiException invalid(String field, String message) {
        return new PspApiException(422, ErrorCodes.INVALID_REQUEST, message, field);
    }

    @Transactional
    public PaymentJson get(PspMerchant merchant, String paymentId) {
        PspPayment payment = owned(merchant, paymentId);
        expireIfDue(payment);
        return view(payment);
    }

    @Transactional
    public PaymentJson capture(PspMerchant merchant, String paymentId) {
        PspPayment payment = owned(merchant, paymentId);
        expireIfDue(payment);
        payment.capture();
        record(payment, "captured", payment.amountMinor, true);
        return view(payment);
    }

    @Transactional
    public PaymentJson cancel(PspMerchant merchant, String paymentId) {
        PspPayment payment = owned(merchant, paymentId);
        expireIfDue(payment);
        payment.cancel();
        record(payment, "cancelled", payment.amountMinor, true);
        return view(payment);
    }

    /** Refunds {@code amount} (null: everything left) of the captured amount. */
    @Transactional
    public PaymentJson refund(PspMerchant merchant, String paymentId, AmountJson amount) {
        PspPayment payment = owned(merchant, paymentId);
        long value = payment.capturedMinor - payment.refundedMinor;
        if (amount != null) {
            if (amount.value() == null || amount.value() <= 0) {
                throw new PspApiException(422, ErrorCodes.INVALID_AMOUNT,
                        "amount.value must be a positive number of minor units", "amount.value");
            }
            if (amount.currency() != null && !amount.currency().equals(payment.currency)) {
                throw new PspApiException(422, ErrorCodes.INVALID_CURRENCY,
                        "a refund is in the payment's currency, " + payment.currency, "amount.currency");
            }
            value = amount.value();
        }
        payment.refund(value);
        record(payment, "refunded", value, true);
        return view(payment);
    }

    private PspPayment owned(PspMerchant merchant, String paymentId) {
        PspPayment payment = paymentId == null ? null : PspPayment.byPaymentId(paymentId);
        if (payment == null) {
            throw new PspApiException(404, ErrorCodes.PAYMENT_NOT_FOUND, "No payment with this id");
        }
        if (!payment.merchant.id.equals(merchant.id)) {
            throw new PspApiException(403, ErrorCodes.FORBIDDEN, "This payment belongs to another merchant");
        }
        return payment;
    }

    // ---- hosted page --------------------------------------------------------------------------

    /** The payment behind a hosted page, expired first when its time is up; null when unknown. */
    @Transactional
    public PspPayment forPage(String paymentId) {
        PspPayment payment = paymentId == null || paymentId.length() > 40 ? null : PspPayment.byPaymentId(paymentId);
        if (payment != null) {
            expireIfDue(payment);
            org.hibernate.Hibernate.initialize(payment.merchant); // the page shows the merchant's name
        }
        return payment;
    }

    /** Pays with an already validated card; returns the outcome (THREE_DS means a challenge page follows). */
    @Transactional
    public TestCards.Outcome payWithCard(String paymentId, String digits) {
        PspPayment payment = open(paymentId, null);
        String masked = TestCards.mask(digits);
        TestCards.Outcome outcome = TestCards.outcome(digits);
        switch (outcome) {
            case APPROVED -> {
                payment.authorize(masked, null);
                record(payment, "authorized", payment.amountMinor, true);
            }
            case THREE_DS -> {
                payment.awaitStep(PspPayment.STEP_THREE_DS, masked, null);
                record(payment, "three_ds_challenge", payment.amountMinor, false);
            }
            default -> {
                String reason = outcome.name().toLowerCase(java.util.Locale.ROOT);
                payment.fail(reason, masked, null);
                record(payment, reason, payment.amountMinor, true);
            }
        }
        LOG.infof("Payment %s: card %s, outcome %s", payment.paymentId, masked, outcome);
        return outcome;
    }

    @Transactional
    public void completeThreeDs(String paymentId, boolean approved) {
        PspPayment payment = open(paymentId, PspPayment.STEP_THREE_DS);
        if (approved) {
            payment.authorize(payment.maskedCard, null);
            record(payment, "authorized", payment.amountMinor, true);
        } else {
            payment.fail("three_ds_failed", payment.maskedCard, null);
            record(payment, "three_ds_failed", payment.amountMinor, true);
        }
    }

    @Transactional
    public void startWallet(String paymentId, String e164) {
        PspPayment payment = open(paymentId, null);
        payment.awaitStep(PspPayment.STEP_WALLET, null, TestCards.maskPhone(e164));
        record(payment, "wallet_confirmation_requested", payment.amountMinor, false);
    }

    @Transactional
    public void completeWallet(String paymentId, boolean approved) {
        PspPayment payment = open(paymentId, PspPayment.STEP_WALLET);
        if (approved) {
            payment.authorize(null, payment.maskedPhone);
            record(payment, "authorized", payment.amountMinor, true);
        } else {
            payment.fail("wallet_rejected", null, payment.maskedPhone);
            record(payment, "wallet_rejected", payment.amountMinor, true);
        }
    }

    /** The shopper pressed Cancel. */
    @Transactional
    public void abort(String paymentId) {
        PspPayment payment = open(paymentId, "any");
        payment.abort();
        record(payment, "aborted", payment.amountMinor, true);
    }

    /** An open payment at the expected step (null: none yet, "any": whatever step). */
    private PspPayment open(String paymentId, String step) {
        PspPayment payment = forPage(paymentId);
        if (payment == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (payment.state != PspState.CREATED) {
            throw new IllegalMoveException(payment.state, "shopper step");
        }
        if (!"any".equals(step) && !java.util.Objects.equals(step, payment.pendingStep)) {
            throw new IllegalMoveException(payment.state, "shopper step " + step);
        }
        return payment;
    }

    /** Where the browser goes after the outcome: the merchant's return URL plus the payment id, never the outcome. */
    static String returnUrl(PspPayment payment) {
        String url = payment.returnUrl;
        int hash = url.indexOf('#');
        String fragment = hash >= 0 ? url.substring(hash) : "";
        String base = hash >= 0 ? url.substring(0, hash) : url;
        return base + (base.contains("?") ? "&" : "?") + "paymentId=" + payment.paymentId + fragment;
    }

    // ---- expiry -------------------------------------------------------------------------------

    /** Ids of payments past their time that are still waiting for the shopper. */
    @Transactional
    public List<Long> dueForExpiry(int max) {
        return PspPayment.find("state = ?1 and expiresAt <= ?2", PspState.CREATED, Instant.now())
                .page(0, max).project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** Projection of a payment's id. */
    public record IdOnly(Long id) {
    }

    @Transactional
    public void expire(Long id) {
        PspPayment payment = PspPayment.findById(id);
        if (payment != null) {
            expireIfDue(payment);
        }
    }

    private void expireIfDue(PspPayment payment) {
        if (payment.state == PspState.CREATED && !Instant.now().isBefore(payment.expiresAt)) {
            payment.expire();
            record(payment, "expired", payment.amountMinor, true);
        }
    }

    // ---- events, callbacks, views -------------------------------------------------------------

    private void record(PspPayment payment, String type, long amount, boolean stateChanged) {
        PspPaymentEvent event = new PspPaymentEvent();
        event.eventId = "evt_" + randomHex();
        event.paymentId = payment.id;
        event.type = type;
        event.state = payment.state;
        event.amountMinor = amount;
        event.occurredAt = Instant.now();
        event.persist();
        if (stateChanged && payment.callbackUrl != null) {
            PspCallback callback = new PspCallback();
            callback.eventId = event.id;
            callback.paymentId = payment.id;
            callback.url = payment.callbackUrl;
            callback.body = callbackBody(payment, event);
            callback.status = PspCallback.PENDING;
            callback.attempts = 0;
            callback.nextAttemptAt = event.occurredAt;
            callback.persist();
        }
    }

    private String callbackBody(PspPayment payment, PspPaymentEvent event) {
        try {
            return json.writeValueAsString(new CallbackJson(event.eventId, payment.paymentId, payment.reference,
                    payment.state.name(), new AmountJson(payment.amountMinor, payment.currency), event.occurredAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    PaymentJson view(PspPayment payment) {
        List<PspPaymentEvent> events = PspPaymentEvent.list("paymentId = ?1 order by id", payment.id);
        Map<Long, String> eventIds = new java.util.HashMap<>();
        List<PaymentJson.EventJson> history = new ArrayList<>();
        for (PspPaymentEvent e : events) {
            eventIds.put(e.id, e.eventId);
            history.add(new PaymentJson.EventJson(e.eventId, e.type, e.state.name(),
                    new AmountJson(e.amountMinor, payment.currency), e.occurredAt));
        }
        List<PaymentJson.DeliveryJson> deliveries = new ArrayList<>();
        List<PspCallback> callbacks = PspCallback.list("paymentId = ?1 order by id", payment.id);
        for (PspCallback callback : callbacks) {
            List<PspCallbackAttempt> attempts = PspCallbackAttempt.list("callbackId = ?1 order by id", callback.id);
            for (PspCallbackAttempt a : attempts) {
                deliveries.add(new PaymentJson.DeliveryJson(eventIds.get(callback.eventId), a.attempt, a.attemptedAt,
                        a.httpStatus, a.outcome));
            }
        }
        return new PaymentJson(payment.paymentId, payment.reference, payment.state.name(), payment.method,
                new AmountJson(payment.amountMinor, payment.currency),
                new AmountJson(payment.capturedMinor, payment.currency),
                new AmountJson(payment.refundedMinor, payment.currency), payment.description, payment.recurring,
                payment.maskedCard,
                payment.failureReason, payment.createdAt, payment.expiresAt, history, deliveries);
    }

    private String redirectUrl(PspPayment payment) {
        return config.publicUrl() + "/psp/pay/" + payment.paymentId;
    }

    static boolean cardExpired(YearMonth expiry) {
        return expiry.isBefore(YearMonth.now(ZoneOffset.UTC));
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
