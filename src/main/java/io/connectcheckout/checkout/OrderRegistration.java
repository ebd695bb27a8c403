package io.connectcheckout.checkout;

import io.connectcheckout.connectid.client.ClientCredentials;
import io.connectcheckout.connectid.client.ConnectIdGateway;
import io.connectcheckout.connectid.client.ConnectIdNoAnswerException;
import io.connectcheckout.connectid.client.ConnectIdRejectedException;
import io.connectcheckout.connectid.client.ConnectIdUnavailableException;
import io.connectcheckout.connectid.client.OrderToRegister;
import io.connectcheckout.payment.client.PaymentDetails;
import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.publisher.Offer;
import io.connectcheckout.web.CheckoutConfig;
import io.connectcheckout.web.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Registers the attempt's order at ConnectID (Order API "Register order", user mode with the
 * shopper's token or client mode), which has no duplicate check: the registration is claimed first
 * for {@code checkout.step-lease}, in a guarded state change, so that of all the steps that may run
 * at once (the shopper's confirm or return, a payment callback, reconciliation) exactly one calls
 * Register order; the others show "in progress" until the order is recorded. A claim ends with the
 * order recorded; it is released at once when ConnectID certainly did not take the order, and kept
 * until it runs out when the call got no answer (ConnectID may have taken it).
 */
@ApplicationScoped
public class OrderRegistration {

    private static final Logger LOG = Logger.getLogger(OrderRegistration.class);
    /** How often recording a registered order is tried against concurrent writes of the same row. */
    private static final int RECORD_ATTEMPTS = 5;
    /** The payment provider's name in the prepaid order's payment info. */
    static final String PROVIDER = "connectcheckout-psp";

    private final ConnectIdGateway connectId;
    private final PaymentProvider payments;
    private final CheckoutStore store;
    private final CheckoutLogin login;
    private final CheckoutConfig config;
    private final Clock clock;

    public OrderRegistration(ConnectIdGateway connectId, PaymentProvider payments, CheckoutStore store,
            CheckoutLogin login, CheckoutConfig config, Clock clock) {
        this.connectId = connectId;
        this.payments = payments;
        this.store = store;
        this.login = login;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Registers the order of checkout {@code s} (in PROCESSING, not prepaid, or PAID).
     *
     * @return empty when the state moved and the flow should look again; Pending while another step holds the claim
     * @throws ConnectIdUnavailableException when ConnectID could not take it now (the claim is released or runs out)
     * @throws ConnectIdRejectedException when ConnectID refused an order nobody has paid for yet
     */
    Optional<Next> register(CheckoutSession s, ClientCredentials client) {
        Instant now = clock.instant();
        if (s.registrationClaimed(now)) {
            return Optional.of(new Next.Pending());
        }
        // The payment's proof is read before the claim: the claim covers ConnectID's calls only.
        OrderToRegister.PrepaidPayment proof = null;
        if (s.step() == Step.PAID) {
            PaymentDetails payment = payments.get(Accounts.payment(s.publisher()), s.attempt().paymentId());
            proof = new OrderToRegister.PrepaidPayment(payment.paymentId(), PROVIDER, payment.amount(),
                    payment.maskedCard());
        }
        // Lost to a concurrent claim: the advance loop looks again and finds it claimed.
        Instant[] claimed = new Instant[1];
        store.change(s.id(), (x, at) -> claimed[0] = x.claimRegistration(at, config.stepLease()),
                CheckoutEventType.ORDER_REGISTRATION_STARTED, null);
        Instant claim = claimed[0];
        long orderId;
        boolean asTheShopper = false;
        boolean sent = false;
        try {
            Optional<String> userToken = login.accessTokenForRegistration(s, client);
            asTheShopper = userToken.isPresent();
            sent = true;
            orderId = connectId.registerOrder(client, userToken, order(s, proof, userToken.isEmpty()));
        } catch (ConnectIdRejectedException refused) {
            return refused(s, claim, refused, asTheShopper);
        } catch (RuntimeException e) {
            failed(s.id(), claim, e, sent && e instanceof ConnectIdNoAnswerException);
            throw e;
        }
        recordOrder(s.id(), orderId, "ConnectID order " + orderId + (proof != null ? " (prepaid)" : ""));
        return Optional.empty();
    }

    /** ConnectID refused the registration: whose refusal it is decides between a guest's order, a 503 and a refund. */
    private Optional<Next> refused(CheckoutSession s, Instant claim, ConnectIdRejectedException refused,
            boolean asTheShopper) {
        boolean unauthorized = refused.status() == 401 || refused.status() == 403;
        if (asTheShopper && unauthorized) {
            // The shopper's login was refused, not the order: never a reason to refund. Looked at
            // again, the order is registered as a guest's and assigned to the shopper afterwards.
            store.change(s.id(), (x, now) -> {
                x.releaseRegistration(claim, now);
                x.loginLapsed(now);
            }, CheckoutEventType.LOGIN_LAPSED, refused.getMessage());
            return Optional.empty();
        }
        if (unauthorized) {
            // ConnectID refused our client's credentials, not the order: the publisher's setup is
            // to be fixed, and the order registered then. Nothing is refunded.
            failed(s.id(), claim, refused, false);
            throw new ConnectIdUnavailableException("ConnectID refused the client's credentials: "
                    + refused.getMessage(), refused);
        }
        if (s.step() == Step.PAID) {
            LOG.warnf("ConnectID refused the prepaid order of checkout %d: %s", s.id(), refused.getMessage());
            // ConnectID will never take this order: the shopper's money goes back. Only the holder
            // of the claim decides this, and the refund itself is the next step.
            store.change(s.id(), (x, now) -> x.refundAfterRefusal(claim, now), CheckoutEventType.ORDER_REFUSED,
                    refused.getMessage());
            return Optional.empty();
        }
        failed(s.id(), claim, refused, false);
        throw refused;
    }

    /**
     * Records the order ConnectID just registered. It exists now, so it must not be lost to a
     * concurrent write of the same row (a logout, a kept form): the change is tried again, and the
     * order id is in the log first.
     */
    private void recordOrder(Long sessionId, long orderId, String detail) {
        LOG.infof("ConnectID registered order %d for checkout %d", orderId, sessionId);
        for (int attempt = 1;; attempt++) {
            try {
                store.change(sessionId, (x, now) -> x.orderRegistered(orderId, now), CheckoutEventType.ORDER_REGISTERED,
                        detail);
                return;
            } catch (RuntimeException e) {
                if (attempt >= RECORD_ATTEMPTS || !Failures.isConcurrentChange(e)) {
                    LOG.errorf("ConnectID order %d of checkout %d not recorded: %s", orderId, sessionId, e.toString());
                    throw e;
                }
            }
        }
    }

    /** Records why a registration did not go through and, unless ConnectID may have taken it, releases the claim. */
    private void failed(Long sessionId, Instant claim, RuntimeException e, boolean unanswered) {
        try {
            store.change(sessionId, (x, now) -> {
                if (!unanswered) {
                    x.releaseRegistration(claim, now);
                }
            }, unanswered ? CheckoutEventType.ORDER_REGISTRATION_UNANSWERED : CheckoutEventType.ORDER_REGISTRATION_FAILED,
                    e.getClass().getSimpleName());
        } catch (RuntimeException notRecorded) {
            // The claim runs out by itself.
            LOG.warnf("Failed registration of checkout %d not recorded: %s", sessionId, notRecorded.toString());
        }
    }

    /** The order of {@code s}'s attempt; a guest's names the customer an earlier attempt's order created. */
    private static OrderToRegister order(CheckoutSession s, OrderToRegister.PrepaidPayment payment, boolean asGuest) {
        Offer offer = s.offer();
        Payer p = s.payer();
        Long customer = asGuest ? p.customerNumber() : null;
        return new OrderToRegister(s.attempt().externalOrderId(), s.paymentOption().paymentMethod, payment != null, s.terms().price(),
                payment, new OrderToRegister.Payer(customer, p.firstName(), p.lastName(), p.email(), p.mobile(), p.postalCode(),
                        p.street(), p.city()),
                offer.specType, offer.couponCode, offer.couponNumber, offer.productCode);
    }
}
