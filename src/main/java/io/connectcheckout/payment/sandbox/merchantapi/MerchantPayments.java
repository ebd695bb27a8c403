package io.connectcheckout.payment.sandbox.merchantapi;

import io.connectcheckout.payment.api.AmountJson;
import io.connectcheckout.payment.api.CreatePaymentJson;
import io.connectcheckout.payment.api.CreatedPaymentJson;
import io.connectcheckout.payment.api.ErrorCodes;
import io.connectcheckout.payment.api.PaymentJson;
import io.connectcheckout.payment.sandbox.PspConfig;
import io.connectcheckout.payment.sandbox.events.PaymentEvents;
import io.connectcheckout.payment.sandbox.expiry.PaymentExpiry;
import io.connectcheckout.payment.sandbox.merchants.PspMerchant;
import io.connectcheckout.payment.sandbox.payments.PspPayment;
import io.connectcheckout.payment.sandbox.payments.PspState;
import io.connectcheckout.payment.sandbox.payments.RandomIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Currency;
import org.jboss.logging.Logger;

/**
 * What a merchant does with its payments through the API: create one, read it, capture, cancel
 * or refund it. Only its own payments; a payment past its time is expired before anything else.
 * Every state change writes its event (and callback) in the same transaction.
 */
@ApplicationScoped
public class MerchantPayments {

    private static final Logger LOG = Logger.getLogger(MerchantPayments.class);

    private final PspConfig config;
    private final PaymentEvents events;
    private final PaymentExpiry expiry;

    public MerchantPayments(PspConfig config, PaymentEvents events, PaymentExpiry expiry) {
        this.config = config;
        this.events = events;
        this.expiry = expiry;
    }

    @Transactional
    public CreatedPaymentJson create(PspMerchant merchant, CreatePaymentJson request) {
        Currency currency = NewPaymentRules.validate(merchant, request);
        if (PspPayment.count("merchant = ?1 and reference = ?2", merchant, request.reference().trim()) > 0) {
            throw new PspApiException(409, ErrorCodes.DUPLICATE_REFERENCE,
                    "Another payment already has this reference", "reference");
        }
        Instant now = Instant.now();
        PspPayment payment = new PspPayment();
        payment.paymentId = RandomIds.withPrefix("pay_");
        payment.merchant = merchant;
        payment.reference = request.reference().trim();
        payment.amountMinor = request.amount().value();
        payment.currency = currency.getCurrencyCode();
        payment.description = request.description().trim();
        payment.method = request.method();
        payment.returnUrl = request.returnUrl();
        payment.callbackUrl = NewPaymentRules.blank(request.callbackUrl()) ? null : request.callbackUrl();
        payment.recurring = Boolean.TRUE.equals(request.recurring());
        payment.phoneNumber = NewPaymentRules.blank(request.phoneNumber()) ? null : request.phoneNumber().trim();
        payment.state = PspState.CREATED;
        payment.createdAt = now;
        payment.updatedAt = now;
        payment.expiresAt = now.plus(config.paymentTtl());
        payment.persist();
        events.record(payment, "created", payment.amountMinor, false);
        LOG.infof("Payment %s created for merchant %s, reference %s", payment.paymentId, merchant.slug,
                payment.reference);
        return new CreatedPaymentJson(payment.paymentId, redirectUrl(payment), payment.state.name());
    }

    @Transactional
    public PaymentJson get(PspMerchant merchant, String paymentId) {
        PspPayment payment = owned(merchant, paymentId);
        expiry.expireIfDue(payment);
        return PaymentViews.of(payment);
    }

    @Transactional
    public PaymentJson capture(PspMerchant merchant, String paymentId) {
        PspPayment payment = owned(merchant, paymentId);
        expiry.expireIfDue(payment);
        payment.capture();
        events.record(payment, "captured", payment.amountMinor, true);
        return PaymentViews.of(payment);
    }

    @Transactional
    public PaymentJson cancel(PspMerchant merchant, String paymentId) {
        PspPayment payment = owned(merchant, paymentId);
        expiry.expireIfDue(payment);
        if (payment.state == PspState.CREATED) {
            // As real providers do (Vipps ePayment's cancel, Stripe's session expiry): an unpaid payment
            // is withdrawn, so the shopper can no longer complete it on the hosted page or in the app.
            payment.abort();
            events.record(payment, "aborted", payment.amountMinor, true);
            return PaymentViews.of(payment);
        }
        payment.cancel();
        events.record(payment, "cancelled", payment.amountMinor, true);
        return PaymentViews.of(payment);
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
        events.record(payment, "refunded", value, true);
        return PaymentViews.of(payment);
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

    private String redirectUrl(PspPayment payment) {
        return config.publicUrl() + "/psp/pay/" + payment.paymentId;
    }
}
