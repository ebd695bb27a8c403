package io.connectcheckout.checkout;

import io.connectcheckout.connectid.client.AssignedUser;
import io.connectcheckout.connectid.client.ClientCredentials;
import io.connectcheckout.connectid.client.Completion;
import io.connectcheckout.connectid.client.ConnectIdGateway;
import io.connectcheckout.connectid.client.ConnectIdNoAnswerException;
import io.connectcheckout.connectid.client.ConnectIdRejectedException;
import io.connectcheckout.connectid.client.ConnectIdUnavailableException;
import io.connectcheckout.connectid.client.OfferTerms;
import io.connectcheckout.connectid.client.OrderStatus;
import io.connectcheckout.connectid.client.OrderToRegister;
import io.connectcheckout.connectid.client.Profile;
import io.connectcheckout.connectid.client.Tokens;
import io.connectcheckout.payment.client.CallbackEvent;
import io.connectcheckout.payment.client.CallbackInbox;
import io.connectcheckout.payment.client.PaymentAccount;
import io.connectcheckout.payment.client.PaymentDetails;
import io.connectcheckout.payment.client.PaymentMethod;
import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.payment.client.PaymentRejectedException;
import io.connectcheckout.payment.client.PaymentRequest;
import io.connectcheckout.payment.client.PaymentState;
import io.connectcheckout.payment.client.StartedPayment;
import io.connectcheckout.publisher.Offer;
import io.connectcheckout.publisher.PaymentOption;
import io.connectcheckout.publisher.Publisher;
import io.connectcheckout.web.CheckoutConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hibernate.Hibernate;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;

/**
 * The four order flows as one state machine over {@link CheckoutSession}.
 *
 * <p>{@link #advance} looks at where a checkout stands and performs the next step, each one
 * idempotent towards ConnectID and the payment provider (the attempt's {@code externalOrderId}
 * doubles as the idempotency key), and each state change in its own short transaction guarded by
 * optimistic locking. So a confirm, a return page, a reload, the status page and the
 * reconciliation job may all call it, concurrently or after a crash, and the checkout still ends
 * with at most one order and one captured payment.
 */
@ApplicationScoped
public class CheckoutService {

    private static final Logger LOG = Logger.getLogger(CheckoutService.class);

    /** ConnectID payment methods completed without the shopper (Complete order – client mode). */
    static final Set<String> NON_INTERACTIVE = Set.of("invoice", "free", "sms", "other");
    /** ConnectID payment methods that are app wallets at the payment provider. */
    static final Set<String> WALLETS = Set.of("vippsEcommerce", "vippsRecurring", "swishPayex", "smsPay");

    /** How long a shopper's request waits for another step that is registering the order. */
    static final java.time.Duration SHOPPER_PATIENCE = java.time.Duration.ofSeconds(2);
    private static final long PATIENCE_STEP_MILLIS = 100;

    static final String RETURN_PURPOSE = "return";
    static final String PAID_PURPOSE = "paid";
    static final String RECEIPT_PURPOSE = "receipt";

    private final ConnectIdGateway connectId;
    private final PaymentProvider payments;
    private final SignedReference signer;
    private final CheckoutConfig config;
    private final CallbackInbox inbox;

    public CheckoutService(ConnectIdGateway connectId, PaymentProvider payments, SignedReference signer,
            CheckoutConfig config, CallbackInbox inbox) {
        this.connectId = connectId;
        this.payments = payments;
        this.signer = signer;
        this.config = config;
        this.inbox = inbox;
    }

    /** What the browser should see next. */
    public sealed interface Next {
        /** Send the browser elsewhere (ConnectID fulfillment, the payment page). */
        record Redirect(URI to) implements Next {
        }

        /** Show one of our pages for the checkout's current step. */
        record Page(Step step) implements Next {
        }

        /** The outcome is not known yet: show the self-refreshing status page. */
        record Pending() implements Next {
        }
    }

    // ---- the offer ------------------------------------------------------------------------

    public OfferTerms terms(Publisher publisher, Offer offer) {
        if (!"coupon".equals(offer.specType)) {
            throw new IllegalStateException("Only coupon offers are priced through ConnectID coupons: " + offer.slug);
        }
        return connectId.couponTerms(credentials(publisher), offer.couponCode, offer.couponNumber);
    }

    /**
     * Starts a checkout for an offer with a payment option the publisher offers. The price is
     * ConnectID's, fetched here on the server; nothing from the browser can change it.
     *
     * @return the new session's cookie value
     */
    public String start(Publisher publisher, Offer offer, PaymentOption option, String locale) {
        OfferTerms terms = terms(publisher, offer);
        String token = SessionTokens.newSessionToken();
        QuarkusTransaction.requiringNew().run(() -> {
            CheckoutSession session = CheckoutSession.start(SessionTokens.sha256Hex(token),
                    SessionTokens.newReference(), Publisher.findById(publisher.id), Offer.findById(offer.id),
                    PaymentOption.findById(option.id), terms.price(), terms.vat(), terms.periodLength(),
                    terms.periodType(), locale);
            session.persist();
            CheckoutEvent.record(session.id, "started", "offer " + offer.slug + ", " + option.code + ", "
                    + terms.price());
        });
        return token;
    }

    public Optional<CheckoutSession> byCookie(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        String hash = SessionTokens.sha256Hex(cookieValue);
        return QuarkusTransaction.requiringNew().call(() -> CheckoutSession.findByTokenHash(hash)
                .map(CheckoutService::withWhatTheFlowNeeds))
                .filter(this::alive);
    }

    /**
     * Idle and absolute timeouts of the cookie's hold on a checkout. A checkout with money in
     * flight or a receipt is never cut off by the idle timeout (the shopper may come back from a
     * slow payment), only by the absolute one.
     */
    boolean alive(CheckoutSession s) {
        Instant now = Instant.now();
        if (s.createdAt.plus(config.session().absoluteTimeout()).isBefore(now)) {
            return false;
        }
        return s.step.inFlight() || s.step == Step.COMPLETED
                || s.updatedAt.plus(config.session().idleTimeout()).isAfter(now);
    }

    public Optional<CheckoutSession> bySignedReference(String purpose, String reference, String signature) {
        if (!signer.verify(purpose, reference, signature)) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> CheckoutSession.findByReference(reference)
                .map(CheckoutService::withWhatTheFlowNeeds));
    }

    /** The id of the checkout with this public reference (for the support view). */
    public Optional<Long> findReference(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> CheckoutSession.findByReference(reference).map(s -> s.id));
    }

    /** The checkout's timeline, oldest first. */
    public java.util.List<CheckoutEvent> timeline(Long sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> CheckoutEvent.timeline(sessionId));
    }

    public boolean owns(String cookieValue, CheckoutSession session) {
        if (cookieValue == null) {
            return false;
        }
        return MessageDigest.isEqual(SessionTokens.sha256Hex(cookieValue).getBytes(StandardCharsets.US_ASCII),
                session.tokenHash.getBytes(StandardCharsets.US_ASCII));
    }

    public String signedReceiptPath(CheckoutSession session) {
        return "/checkout/receipt/" + session.reference + "?sig=" + signer.sign(RECEIPT_PURPOSE, session.reference);
    }

    // ---- details and login --------------------------------------------------------------------

    public void choosePaymentOption(Long sessionId, PaymentOption option) {
        change(sessionId, s -> s.choosePaymentOption(option), "payment_option", option.code);
    }

    public void saveDetails(Long sessionId, PayerDetails details) {
        change(sessionId, s -> s.saveDetails(details), "details_saved", null);
    }

    /** Starts a login: a fresh state and PKCE verifier, kept server-side. Returns where the browser goes. */
    public URI beginLogin(Long sessionId) {
        String state = SessionTokens.newSessionToken();
        String verifier = SessionTokens.newSessionToken() + SessionTokens.newSessionToken();
        change(sessionId, s -> s.beginLogin(state, verifier), "login_started", null);
        CheckoutSession session = load(sessionId);
        return connectId.authorizeUrl(session.publisher.connectIdClientId, loginRedirectUri(), state,
                SessionTokens.codeChallenge(verifier));
    }

    /**
     * Completes a login: checks {@code state} against the session, exchanges the code (PKCE),
     * reads the profile to prefill empty payer fields, and issues a new session id.
     *
     * @return the new cookie value, or empty when the state does not match (a forged or stale callback)
     */
    public Optional<String> completeLogin(Long sessionId, String state, String code) {
        CheckoutSession current = load(sessionId);
        if (current.loginState == null || state == null || !MessageDigest.isEqual(
                current.loginState.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        ClientCredentials client = credentials(current.publisher);
        Tokens tokens = connectId.exchangeCode(client, code, loginRedirectUri(), current.loginVerifier);
        Profile profile = connectId.profile(tokens.accessToken());
        String newToken = SessionTokens.newSessionToken();
        change(sessionId, s -> {
            s.loggedIn(SessionTokens.sha256Hex(newToken), profile.userId(), tokens.accessToken(),
                    tokens.refreshToken(), Instant.now().plusSeconds(tokens.expiresInSeconds()));
            prefill(s, profile);
        }, "logged_in", profile.userId());
        return Optional.of(newToken);
    }

    public String logout(Long sessionId) {
        String newToken = SessionTokens.newSessionToken();
        change(sessionId, s -> s.loggedOut(SessionTokens.sha256Hex(newToken)), "logged_out", null);
        return newToken;
    }

    /** Keeps a rejected form's values and errors for the GET after the redirect. */
    public void keepFlash(Long sessionId, String json) {
        QuarkusTransaction.requiringNew().run(() -> CheckoutSession.<CheckoutSession>findById(sessionId).keepFlash(json));
    }

    /** The kept form of {@code session} as just read, cleared so it shows once; no write when there is none. */
    public String takeFlash(CheckoutSession session) {
        if (session.flash == null) {
            return null;
        }
        return QuarkusTransaction.requiringNew().call(() -> CheckoutSession.<CheckoutSession>findById(session.id).takeFlash());
    }

    /** The one-off notice of {@code session} as just read, cleared so it shows once; no write when there is none. */
    public String takeNotice(CheckoutSession session) {
        if (session.notice == null) {
            return null;
        }
        return QuarkusTransaction.requiringNew().call(() -> CheckoutSession.<CheckoutSession>findById(session.id).takeNotice());
    }

    private static void prefill(CheckoutSession s, Profile p) {
        if (s.firstName == null) {
            s.firstName = p.firstName();
        }
        if (s.lastName == null) {
            s.lastName = p.lastName();
        }
        if (s.email == null) {
            s.email = p.email();
        }
        if (s.mobile == null) {
            s.mobile = p.mobile();
        }
        if (s.postalCode == null) {
            s.postalCode = p.postalCode();
        }
        if (s.street == null) {
            s.street = p.street();
        }
        if (s.city == null) {
            s.city = p.city();
        }
    }

    // ---- confirm and the attempt --------------------------------------------------------------

    /**
     * The shopper confirmed: starts a new attempt (once, however many confirms arrive at the
     * same time) and drives it as far as it goes without the shopper.
     */
    public Next confirm(Long sessionId) {
        try {
            change(sessionId, CheckoutSession::beginAttempt, "attempt_started", null);
        } catch (RuntimeException alreadyStarted) {
            if (alreadyStarted instanceof IllegalStepException) {
                // A repeated confirm: show where the checkout is.
                return where(load(sessionId));
            }
            if (!isConcurrentChange(alreadyStarted)) {
                throw alreadyStarted;
            }
            // A concurrent confirm won the race and may not have committed yet: "in progress".
            LOG.debugf("Concurrent confirm of checkout %d: %s", sessionId, alreadyStarted.getMessage());
            return new Next.Pending();
        }
        return advance(sessionId);
    }

    /**
     * Performs the next idempotent step of the checkout until it needs the shopper (a redirect
     * or a page) or waits for an outcome. For a shopper's request: when another step (a payment
     * callback beside the shopper's return, say) is registering the order right now, it waits up to
     * {@link #SHOPPER_PATIENCE} for that step, so the shopper usually lands on the receipt rather
     * than on the status page.
     */
    public Next advance(Long sessionId) {
        return advance(sessionId, SHOPPER_PATIENCE);
    }

    /** As {@link #advance(Long)}, for steps nobody waits on (callbacks, reconciliation): never waits for another step. */
    public Next advanceInBackground(Long sessionId) {
        return advance(sessionId, java.time.Duration.ZERO);
    }

    private Next advance(Long sessionId, java.time.Duration patience) {
        long waitUntil = System.nanoTime() + patience.toNanos();
        for (int guard = 0; guard < 10; guard++) {
            CheckoutSession s = load(sessionId);
            Optional<Next> next;
            try {
                next = step(s);
            } catch (IllegalStepException movedOn) {
                // The step was taken by someone else between our look and our change: look again.
                LOG.debugf("Checkout %d moved on concurrently: %s", sessionId, movedOn.getMessage());
                continue;
            } catch (RuntimeException e) {
                if (!isConcurrentChange(e)) {
                    throw e;
                }
                // Someone else moved this checkout at the same time; look again.
                continue;
            }
            if (next.isPresent() && next.get() instanceof Next.Pending && s.awaitsRegistration()
                    && s.registrationClaimed(Instant.now()) && System.nanoTime() < waitUntil) {
                try {
                    Thread.sleep(PATIENCE_STEP_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return next.get();
                }
                guard--;
                continue;
            }
            if (next.isPresent()) {
                return next.get();
            }
        }
        return new Next.Pending();
    }

    /** One step; empty when the state moved and the loop should look again. */
    private Optional<Next> step(CheckoutSession s) {
        ClientCredentials client = credentials(s.publisher);
        switch (s.step) {
            case PROCESSING -> {
                if (s.prepaid()) {
                    return Optional.of(startPayment(s));
                }
                if (s.connectIdOrderId == null) {
                    return register(s, client);
                }
                if (NON_INTERACTIVE.contains(s.paymentOption.paymentMethod)) {
                    complete(s, client);
                    return Optional.empty();
                }
                URI fulfillment = connectId.fulfillmentUrl(client.clientId(), s.connectIdOrderId,
                        returnUrl(s, false), returnUrl(s, true));
                change(s.id, CheckoutSession::awaitingPayment, "sent_to_fulfillment", null);
                return Optional.of(new Next.Redirect(fulfillment));
            }
            case AWAITING_PAYMENT -> {
                return s.prepaid() ? checkPayment(s) : checkFulfillment(s, client);
            }
            case PAID -> {
                if (s.connectIdOrderId == null) {
                    return register(s, client);
                }
                complete(s, client);
                return Optional.empty();
            }
            case FAILED -> {
                if (s.refundPending()) {
                    PaymentDetails refund = payments.refund(account(s.publisher), s.paymentId, null,
                            s.externalOrderId + "-refund");
                    change(s.id, CheckoutSession::refunded, "payment_refunded", refund.refunded().toString());
                }
                return Optional.of(new Next.Page(Step.FAILED));
            }
            case COMPLETED -> {
                if (!s.loggedIn() && !s.userAssigned && !s.assignmentClaimed(Instant.now())) {
                    assignUser(s, client);
                }
                return Optional.of(new Next.Page(Step.COMPLETED));
            }
            default -> {
                return Optional.of(new Next.Page(s.step));
            }
        }
    }

    /**
     * Registers the attempt's order at ConnectID, which has no duplicate check: the registration is
     * claimed first, in a guarded state change, so that of all the steps that may run at once (the
     * shopper's confirm or return, a payment callback, reconciliation) exactly one calls Register
     * order; the others show "in progress" until the order is recorded. A claim ends with the order
     * recorded; it is released at once when ConnectID certainly did not take the order, and kept
     * until it runs out when the call got no answer (ConnectID may have taken it).
     */
    private Optional<Next> register(CheckoutSession s, ClientCredentials client) {
        Instant now = Instant.now();
        if (s.registrationClaimed(now)) {
            return Optional.of(new Next.Pending());
        }
        // The payment's proof is read before the claim: the claim covers ConnectID's calls only.
        OrderToRegister.PrepaidPayment proof = null;
        if (s.step == Step.PAID) {
            PaymentDetails payment = payments.get(account(s.publisher), s.paymentId);
            proof = new OrderToRegister.PrepaidPayment(payment.paymentId(), "connectcheckout-psp",
                    payment.amount(), payment.maskedCard());
        }
        // Lost to a concurrent claim: the advance loop looks again and finds it claimed.
        Instant claim = change(s.id, x -> x.claimRegistration(now, config.stepLease()), "order_registration_started",
                null).registeringUntil;
        long orderId;
        boolean asTheShopper = false;
        boolean sent = false;
        try {
            Optional<String> userToken = userAccessToken(s, client);
            asTheShopper = userToken.isPresent();
            sent = true;
            orderId = connectId.registerOrder(client, userToken, order(s, proof));
        } catch (ConnectIdRejectedException refused) {
            if (asTheShopper && (refused.status() == 401 || refused.status() == 403)) {
                // The shopper's login was refused, not the order: never a reason to refund. Looked at
                // again, the order is registered as a guest's and assigned to the shopper afterwards.
                change(s.id, x -> {
                    x.releaseRegistration(claim);
                    x.loginLapsed();
                }, "login_lapsed", refused.getMessage());
                return Optional.empty();
            }
            if (refused.status() == 401 || refused.status() == 403) {
                // ConnectID refused our client's credentials, not the order: the publisher's setup is
                // to be fixed, and the order registered then. Nothing is refunded.
                registrationFailed(s.id, claim, refused, false);
                throw new ConnectIdUnavailableException("ConnectID refused the client's credentials: "
                        + refused.getMessage(), refused);
            }
            if (s.step == Step.PAID) {
                LOG.warnf("ConnectID refused the prepaid order of checkout %d: %s", s.id, refused.getMessage());
                // ConnectID will never take this order: the shopper's money goes back. Only the holder
                // of the claim decides this, and the refund itself is the next step.
                change(s.id, x -> x.refundAfterRefusal(claim), "order_refused", refused.getMessage());
                return Optional.empty();
            }
            registrationFailed(s.id, claim, refused, false);
            throw refused;
        } catch (RuntimeException e) {
            registrationFailed(s.id, claim, e, sent && mayHaveReachedConnectId(e));
            throw e;
        }
        recordOrder(s.id, orderId, "ConnectID order " + orderId + (proof != null ? " (prepaid)" : ""));
        return Optional.empty();
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
                change(sessionId, x -> x.orderRegistered(orderId), "order_registered", detail);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 5 || !isConcurrentChange(e)) {
                    LOG.errorf("ConnectID order %d of checkout %d not recorded: %s", orderId, sessionId, e.toString());
                    throw e;
                }
            }
        }
    }

    /**
     * The shopper's access token for a registration in their name, renewed with the refresh token
     * when it runs out within a minute; empty (register as a guest's order, assigned afterwards)
     * when the shopper is not logged in or ConnectID no longer accepts the login.
     */
    private Optional<String> userAccessToken(CheckoutSession s, ClientCredentials client) {
        if (s.accessToken == null) {
            return Optional.empty();
        }
        if (s.tokenExpiresAt == null || s.tokenExpiresAt.isAfter(Instant.now().plusSeconds(60))) {
            return Optional.of(s.accessToken);
        }
        if (s.refreshToken != null) {
            try {
                Tokens tokens = connectId.refresh(client, s.refreshToken);
                change(s.id, x -> x.tokensRefreshed(tokens.accessToken(), tokens.refreshToken(),
                        Instant.now().plusSeconds(tokens.expiresInSeconds())), "login_refreshed", null);
                return Optional.of(tokens.accessToken());
            } catch (ConnectIdRejectedException refused) {
                LOG.infof("Login of checkout %d could not be renewed: %s", s.id, refused.getMessage());
            }
        }
        change(s.id, CheckoutSession::loginLapsed, "login_lapsed", "the login ran out; registered as a guest's order");
        return Optional.empty();
    }

    /** Records why a registration did not go through and, unless ConnectID may have taken it, releases the claim. */
    private void registrationFailed(Long sessionId, Instant claim, RuntimeException e, boolean unanswered) {
        try {
            change(sessionId, x -> {
                if (!unanswered) {
                    x.releaseRegistration(claim);
                }
            }, unanswered ? "order_registration_unanswered" : "order_registration_failed", e.getClass().getSimpleName());
        } catch (RuntimeException notRecorded) {
            // The claim runs out by itself.
            LOG.warnf("Failed registration of checkout %d not recorded: %s", sessionId, notRecorded.toString());
        }
    }

    /** A call that went out without an answer that says what became of it (see {@link ConnectIdNoAnswerException}). */
    static boolean mayHaveReachedConnectId(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectIdNoAnswerException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private Next startPayment(CheckoutSession s) {
        String method = s.paymentOption.paymentMethod;
        PaymentRequest request = new PaymentRequest(s.externalOrderId, s.price(),
                s.publisher.name + ": " + s.offer.title(java.util.Locale.forLanguageTag(s.locale)),
                WALLETS.contains(method) ? PaymentMethod.WALLET : PaymentMethod.CARD, paidUrl(s), callbackUrl(s),
                false);
        // Idempotent: after a crash between these two lines the same key returns the same payment.
        StartedPayment started = payments.start(account(s.publisher), request, s.externalOrderId);
        change(s.id, x -> {
            x.paymentStarted(started.paymentId());
            x.awaitingPayment();
        }, "payment_started", "payment " + started.paymentId());
        return new Next.Redirect(started.redirectUrl());
    }

    // ---- payment callbacks ------------------------------------------------------------------------

    /** What became of a verified payment callback. */
    public enum CallbackOutcome {
        /** Recorded in the checkout's timeline, and the checkout was moved on. */
        APPLIED,
        /** Seen before (a replay): nothing done. */
        DUPLICATE,
        /** An event type this version does not know: recorded in the timeline, nothing moved. */
        UNKNOWN_TYPE,
        /** Not the current payment of one of this publisher's checkouts: nothing done. */
        NOT_OURS
    }

    /**
     * A verified callback from the payment provider. Its state is a hint, never the truth: the
     * callback is recorded once (its event id in the inbox, in the same transaction as the
     * timeline entry), and then the checkout is moved on by {@link #advance}, which reads the
     * payment from the provider. So callbacks replayed, late, out of order or lying about the state
     * can only make the checkout take its next legal step sooner; nothing moves backwards.
     */
    public CallbackOutcome paymentCallback(Long publisherId, CallbackEvent event) {
        Optional<CallbackOutcome> recorded;
        Long[] sessionId = new Long[1];
        try {
            recorded = Optional.of(QuarkusTransaction.requiringNew().call(() -> {
                if (!inbox.recordOnce(event)) {
                    return CallbackOutcome.DUPLICATE;
                }
                Optional<CheckoutSession> session = CheckoutSession.findByPaymentId(event.paymentId())
                        .filter(s -> s.publisher.id.equals(publisherId));
                if (session.isEmpty()) {
                    return CallbackOutcome.NOT_OURS;
                }
                sessionId[0] = session.get().id;
                String detail = event.stateName() + " (" + event.eventId() + ")";
                if (event.state().isEmpty()) {
                    CheckoutEvent.record(sessionId[0], "payment_callback_ignored", "unknown event type " + detail);
                    return CallbackOutcome.UNKNOWN_TYPE;
                }
                CheckoutEvent.record(sessionId[0], "payment_callback", detail);
                return CallbackOutcome.APPLIED;
            }));
        } catch (RuntimeException e) {
            if (!CallbackInbox.isDuplicate(e)) {
                throw e;
            }
            // The same event delivered twice at the same moment: the other delivery recorded it.
            recorded = Optional.of(CallbackOutcome.DUPLICATE);
        }
        if (recorded.get() == CallbackOutcome.APPLIED) {
            try {
                advanceInBackground(sessionId[0]);
            } catch (RuntimeException e) {
                // Recorded; the reconciliation job finishes what could not be done now.
                LOG.warnf("Checkout %d not moved on after a payment callback, left to reconciliation: %s",
                        sessionId[0], e.toString());
            }
        }
        return recorded.get();
    }

    private Optional<Next> checkPayment(CheckoutSession s) {
        PaymentAccount account = account(s.publisher);
        PaymentDetails payment = payments.get(account, s.paymentId);
        PaymentState state = payment.state();
        if (state == PaymentState.AUTHORIZED) {
            if (!payment.amount().equals(s.price())) {
                // Never possible through our own requests; refuse to turn a wrong amount into an order.
                payments.cancel(account, s.paymentId, s.externalOrderId + "-cancel");
                change(s.id, x -> x.failed("amount_mismatch"), "payment_amount_mismatch", payment.amount().toString());
                return Optional.empty();
            }
            payments.capture(account, s.paymentId, s.externalOrderId + "-capture");
            change(s.id, CheckoutSession::paid, "payment_captured", payment.amount().toString());
            return Optional.empty();
        }
        if (state == PaymentState.CAPTURED) {
            change(s.id, CheckoutSession::paid, "payment_verified", payment.amount().toString());
            return Optional.empty();
        }
        if (state == PaymentState.ABORTED) {
            change(s.id, CheckoutSession::cancelled, "payment_cancelled", null);
            return Optional.of(new Next.Page(Step.DETAILS));
        }
        if (state.isUnsuccessful() || state == PaymentState.REFUNDED || state == PaymentState.PARTIALLY_REFUNDED) {
            change(s.id, x -> x.failed(state.name().toLowerCase()), "payment_" + state.name().toLowerCase(), null);
            return Optional.of(new Next.Page(Step.FAILED));
        }
        return Optional.of(new Next.Pending());
    }

    private Optional<Next> checkFulfillment(CheckoutSession s, ClientCredentials client) {
        OrderStatus status = connectId.orderStatus(client, s.connectIdOrderId);
        switch (status) {
            case COMPLETED -> {
                change(s.id, CheckoutSession::completed, "order_completed", "verified with order status");
                return Optional.empty();
            }
            case CANCELLED -> {
                change(s.id, CheckoutSession::cancelled, "order_cancelled", "verified with order status");
                return Optional.of(new Next.Page(Step.DETAILS));
            }
            case FAILED -> {
                change(s.id, x -> x.failed("declined"), "order_failed", "verified with order status");
                return Optional.of(new Next.Page(Step.FAILED));
            }
            default -> {
                return Optional.of(new Next.Pending());
            }
        }
    }

    private void complete(CheckoutSession s, ClientCredentials client) {
        Completion completion;
        try {
            completion = connectId.completeOrder(client, s.connectIdOrderId);
        } catch (ConnectIdRejectedException rejected) {
            completion = new Completion(false, rejected.getMessage());
        }
        // Trust only the order status: a repeated completion may be refused although the order is done.
        OrderStatus status = connectId.orderStatus(client, s.connectIdOrderId);
        if (status == OrderStatus.COMPLETED) {
            change(s.id, CheckoutSession::completed, "order_completed", "completed through the fulfillment API");
        } else if (!completion.ok()) {
            String why = completion.errorMessage();
            change(s.id, x -> x.failed("completion_refused"), "order_completion_refused", why);
        }
    }

    /**
     * Gives a guest's order a ConnectID account, which sends the shopper a message: claimed first,
     * so that concurrent steps (a return, a callback, reconciliation) call ConnectID once; a
     * claim lost to another step leaves the assignment to it.
     */
    private void assignUser(CheckoutSession s, ClientCredentials client) {
        try {
            change(s.id, x -> x.claimAssignment(Instant.now(), config.stepLease()), "user_assignment_started", null);
        } catch (IllegalStepException | jakarta.persistence.OptimisticLockException claimedElsewhere) {
            return;
        } catch (RuntimeException e) {
            if (isConcurrentChange(e)) {
                return;
            }
            throw e;
        }
        String credential = s.email != null ? s.email : s.mobile;
        URI home = URI.create(s.publisher.homeUrl);
        AssignedUser user = connectId.assignUser(client, s.connectIdOrderId, credential, home, home);
        change(s.id, x -> x.userAssigned(user.newUser()), "user_assigned",
                (user.newUser() ? "new user " : "existing user ") + user.uniqueUserId());
    }

    private Next where(CheckoutSession s) {
        if (s.step.inFlight()) {
            return new Next.Pending();
        }
        return new Next.Page(s.step);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private OrderToRegister order(CheckoutSession s, OrderToRegister.PrepaidPayment payment) {
        Offer offer = s.offer;
        return new OrderToRegister(s.externalOrderId, s.paymentOption.paymentMethod, payment != null, s.price(),
                payment, new OrderToRegister.Payer(s.firstName, s.lastName, s.email, s.mobile, s.postalCode,
                        s.street, s.city),
                offer.specType, offer.couponCode, offer.couponNumber, offer.productCode);
    }

    static ClientCredentials credentials(Publisher publisher) {
        return new ClientCredentials(publisher.connectIdClientId, publisher.connectIdClientSecret);
    }

    static PaymentAccount account(Publisher publisher) {
        return new PaymentAccount(publisher.pspApiKey, publisher.pspCallbackSecret);
    }

    URI loginRedirectUri() {
        return URI.create(config.publicUrl() + "/checkout/auth/callback");
    }

    private URI returnUrl(CheckoutSession s, boolean error) {
        return URI.create(config.publicUrl() + "/checkout/return/" + s.reference + "?sig="
                + enc(signer.sign(RETURN_PURPOSE, s.reference)) + (error ? "&error=1" : ""));
    }

    private URI paidUrl(CheckoutSession s) {
        return URI.create(config.publicUrl() + "/checkout/paid/" + s.reference + "?sig="
                + enc(signer.sign(PAID_PURPOSE, s.reference)));
    }

    private URI callbackUrl(CheckoutSession s) {
        return URI.create(config.publicUrl() + PaymentCallbackResource.PATH + "/" + s.publisher.slug);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Reads a checkout in its own short transaction, with what the flow needs, so every step sees
     * the committed state rather than a copy cached earlier in the request.
     */
    public CheckoutSession load(Long sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> withWhatTheFlowNeeds(CheckoutSession.findById(sessionId)));
    }

    /** Loads, inside the caller's transaction, what pages and steps read after it ends. */
    private static CheckoutSession withWhatTheFlowNeeds(CheckoutSession session) {
        Hibernate.initialize(session.publisher);
        Hibernate.initialize(session.publisher.paymentOptions);
        Hibernate.initialize(session.publisher.offers);
        Hibernate.initialize(session.offer);
        Hibernate.initialize(session.paymentOption);
        return session;
    }

    static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleObjectStateException
                    || t instanceof org.hibernate.StaleStateException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
            // The payment provider saw the same payment change at the same moment (e.g. the shopper's
            // return and a callback both capturing it): read it again.
            if (t instanceof PaymentRejectedException refused
                    && io.connectcheckout.payment.api.ErrorCodes.CONCURRENT_UPDATE.equals(refused.code())) {
                return true;
            }
            // PostgreSQL: deadlock detected / serialization failure between two moves of one checkout.
            if (t instanceof java.sql.SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Applies one legal state change in its own transaction and records it in the timeline. */
    private CheckoutSession change(Long sessionId, Consumer<CheckoutSession> move, String event, String detail) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CheckoutSession session = CheckoutSession.findById(sessionId);
            move.accept(session);
            CheckoutEvent.record(sessionId, event, detail);
            session.flush();
            return session;
        });
    }
}
