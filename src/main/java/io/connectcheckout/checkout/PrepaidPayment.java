package io.connectcheckout.checkout;

import io.connectcheckout.payment.client.PaymentAccount;
import io.connectcheckout.payment.client.PaymentDetails;
import io.connectcheckout.payment.client.PaymentMethod;
import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.payment.client.PaymentRejectedException;
import io.connectcheckout.payment.client.PaymentRequest;
import io.connectcheckout.payment.client.PaymentState;
import io.connectcheckout.payment.client.StartedPayment;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The prepaid flows' money (flows 2a/2b): the payment is started at the provider before the order
 * is registered, its outcome read server to server (authorised → captured for exactly the
 * checkout's price), and refunded in full when ConnectID refuses the order for good. Every call to
 * the provider carries an idempotency key derived from the attempt's externalOrderId, so a repeat
 * after a crash or a race returns the same payment, capture or refund.
 */
@ApplicationScoped
public class PrepaidPayment {

    /** ConnectID payment methods that are app wallets at the payment provider. */
    static final Set<String> WALLETS = Set.of("vippsEcommerce", "vippsRecurring", "swishPayex", "smsPay");

    private final PaymentProvider payments;
    private final CheckoutStore store;
    private final ReturnUrls urls;

    public PrepaidPayment(PaymentProvider payments, CheckoutStore store, ReturnUrls urls) {
        this.payments = payments;
        this.store = store;
        this.urls = urls;
    }

    /** Starts (or, after a crash, finds again) the attempt's payment: the browser goes to the payment page. */
    Next start(CheckoutSession s) {
        String method = s.paymentOption().paymentMethod;
        PaymentRequest request = new PaymentRequest(s.attempt().externalOrderId(), s.terms().price(),
                s.publisher().name + ": " + s.offer().title(Locale.forLanguageTag(s.locale())),
                WALLETS.contains(method) ? PaymentMethod.WALLET : PaymentMethod.CARD, urls.paymentReturn(s),
                urls.paymentCallback(s), false, s.payer().mobile());
        // Idempotent: after a crash between these two lines the same key returns the same payment.
        StartedPayment started = payments.start(Accounts.payment(s.publisher()), request, s.attempt().externalOrderId());
        store.change(s.id(), (x, now) -> {
            x.paymentStarted(started.paymentId(), started.redirectUrl().toString(), now);
            x.awaitingPayment(now);
        }, CheckoutEventType.PAYMENT_STARTED, "payment " + started.paymentId());
        return new Next.Redirect(started.redirectUrl());
    }

    /**
     * Reads the payment: captures an authorised one for the checkout's price, moves on a paid or
     * ended one. Empty when the state moved and the flow should look again.
     */
    Optional<Next> check(CheckoutSession s) {
        PaymentAccount account = Accounts.payment(s.publisher());
        PaymentDetails payment = payments.get(account, s.attempt().paymentId());
        PaymentState state = payment.state();
        if (state == PaymentState.AUTHORIZED) {
            if (!payment.amount().equals(s.terms().price())) {
                // Never possible through our own requests; refuse to turn a wrong amount into an order.
                payments.cancel(account, s.attempt().paymentId(), s.attempt().externalOrderId() + "-cancel");
                store.change(s.id(), (x, now) -> x.failed(Outcome.AMOUNT_MISMATCH, now),
                        CheckoutEventType.PAYMENT_AMOUNT_MISMATCH, payment.amount().toString());
                return Optional.empty();
            }
            payments.capture(account, s.attempt().paymentId(), s.attempt().externalOrderId() + "-capture");
            store.change(s.id(), (x, now) -> x.paid(now), CheckoutEventType.PAYMENT_CAPTURED,
                    payment.amount().toString());
            return Optional.empty();
        }
        if (state == PaymentState.CAPTURED) {
            store.change(s.id(), (x, now) -> x.paid(now), CheckoutEventType.PAYMENT_VERIFIED, payment.amount().toString());
            return Optional.empty();
        }
        if (state == PaymentState.ABORTED) {
            store.change(s.id(), (x, now) -> x.cancelled(now), CheckoutEventType.PAYMENT_CANCELLED, null);
            return Optional.of(new Next.Page(Step.DETAILS));
        }
        if (state.isUnsuccessful() || state == PaymentState.REFUNDED || state == PaymentState.PARTIALLY_REFUNDED) {
            store.change(s.id(), (x, now) -> x.failed(Outcome.ofPayment(state, payment.failureReason()), now),
                    eventOf(state), null);
            return Optional.of(new Next.Page(Step.FAILED));
        }
        // CREATED: the provider sends the browser back only once the shopper finished on its page.
        return Optional.of(new Next.PaymentOpen());
    }

    /** Where the shopper pays the attempt's open payment again: the same payment's page, never a second payment. */
    Next resume(CheckoutSession s) {
        String page = s.attempt().paymentUrl();
        return page == null ? new Next.Pending() : new Next.Redirect(URI.create(page));
    }

    /**
     * Withdraws the attempt's open payment at the provider, so it can never be paid late; the next
     * look at the payment (ABORTED) ends the attempt. A payment paid meanwhile is not withdrawn
     * (the provider refuses) and goes on to the order.
     */
    void withdraw(CheckoutSession s) {
        try {
            payments.cancel(Accounts.payment(s.publisher()), s.attempt().paymentId(),
                    s.attempt().externalOrderId() + "-withdraw");
        } catch (PaymentRejectedException paidMeanwhile) {
            // Not open any more: the flow reads where it stands.
        }
    }

    /** The timeline's name for a payment that ended in {@code state} without an order. */
    private static CheckoutEventType eventOf(PaymentState state) {
        return switch (state) {
            case FAILED -> CheckoutEventType.PAYMENT_FAILED;
            case EXPIRED -> CheckoutEventType.PAYMENT_EXPIRED;
            case ABORTED -> CheckoutEventType.PAYMENT_ABORTED;
            case CANCELLED -> CheckoutEventType.PAYMENT_CANCELLED;
            case REFUNDED -> CheckoutEventType.PAYMENT_REFUNDED;
            case PARTIALLY_REFUNDED -> CheckoutEventType.PAYMENT_PARTIALLY_REFUNDED;
            default -> throw new IllegalArgumentException("not an ended payment: " + state);
        };
    }

    /** Refunds the whole payment of a checkout whose order ConnectID refused for good. */
    void refund(CheckoutSession s) {
        PaymentDetails refund = payments.refund(Accounts.payment(s.publisher()), s.attempt().paymentId(), null,
                s.attempt().externalOrderId() + "-refund");
        store.change(s.id(), (x, now) -> x.refunded(now), CheckoutEventType.PAYMENT_REFUNDED,
                refund.refunded().toString());
    }
}
