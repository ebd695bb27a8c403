package io.connectcheckout.checkout;

import io.connectcheckout.common.Money;
import io.connectcheckout.publisher.Offer;
import io.connectcheckout.publisher.PaymentOption;
import io.connectcheckout.publisher.Publisher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * One shopper's checkout, held on the server across redirects. Its fields change only through
 * the methods below, each of which enforces a legal move of {@link Step}; concurrent moves of the
 * same checkout are serialised by optimistic locking ({@link #version}).
 */
@Entity
@Table(name = "checkout_session")
public class CheckoutSession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** SHA-256 of the cookie value; the value itself is never stored. */
    @Column(name = "token_hash")
    public String tokenHash;

    /** Opaque public reference, used (signed) in return URLs and as the root of externalOrderId. */
    public String reference;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "publisher_id")
    public Publisher publisher;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "offer_id")
    public Offer offer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "payment_option_id")
    public PaymentOption paymentOption;

    @Enumerated(EnumType.STRING)
    public Step step;

    public String locale;

    @Column(name = "login_state")
    public String loginState;
    @Column(name = "login_verifier")
    public String loginVerifier;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "access_token")
    public String accessToken;
    @Column(name = "refresh_token")
    public String refreshToken;
    @Column(name = "token_expires_at")
    public Instant tokenExpiresAt;

    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String email;
    public String mobile;
    @Column(name = "postal_code")
    public String postalCode;
    public String street;
    public String city;
    @Column(name = "terms_accepted")
    public boolean termsAccepted;

    @Column(name = "amount_minor")
    public Long amountMinor;
    @Column(name = "vat_minor")
    public Long vatMinor;
    public String currency;
    @Column(name = "period_length")
    public Integer periodLength;
    @Column(name = "period_type")
    public String periodType;

    public int attempt;
    @Column(name = "external_order_id")
    public String externalOrderId;
    @Column(name = "connectid_order_id")
    public Long connectIdOrderId;
    @Column(name = "payment_id")
    public String paymentId;
    public String outcome;
    /** A one-off message for the next page (e.g. "cancelled"), cleared when shown. */
    public String notice;
    /** A rejected form's values and errors (JSON), shown once by the GET after the redirect. */
    public String flash;
    @Column(name = "user_assigned")
    public boolean userAssigned;
    @Column(name = "new_user")
    public Boolean newUser;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** While set and in the future, one step is assigning the user (see {@link #claimAssignment}). */
    @Column(name = "assigning_until")
    public Instant assigningUntil;

    /**
     * While set and in the future, one step is registering the attempt's order at ConnectID (see
     * {@link #claimRegistration}); the value identifies that claim.
     */
    @Column(name = "registering_until")
    public Instant registeringUntil;

    @Version
    public long version;

    static CheckoutSession start(String tokenHash, String reference, Publisher publisher, Offer offer,
            PaymentOption option, Money price, Money vat, int periodLength, String periodType, String locale) {
        CheckoutSession session = new CheckoutSession();
        session.tokenHash = tokenHash;
        session.reference = reference;
        session.publisher = publisher;
        session.offer = offer;
        session.paymentOption = option;
        session.step = Step.OFFER;
        session.locale = locale;
        session.amountMinor = price.minorUnits();
        session.vatMinor = vat.minorUnits();
        session.currency = price.currency().getCurrencyCode();
        session.periodLength = periodLength;
        session.periodType = periodType;
        session.attempt = 0;
        session.createdAt = Instant.now();
        session.updatedAt = session.createdAt;
        return session;
    }

    /** {@link #outcome} of a failed checkout whose payment is still to be refunded. */
    static final String REFUND_PENDING = "refund_pending";

    public static Optional<CheckoutSession> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** The checkout whose current attempt's payment this is (a payment of an earlier attempt finds nothing). */
    public static Optional<CheckoutSession> findByPaymentId(String paymentId) {
        return find("paymentId", paymentId).firstResultOptional();
    }

    public static Optional<CheckoutSession> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    public Money price() {
        return Money.ofMinor(amountMinor, currency);
    }

    public Money vat() {
        return Money.ofMinor(vatMinor, currency);
    }

    public boolean loggedIn() {
        return accessToken != null;
    }

    public boolean prepaid() {
        return paymentOption != null && paymentOption.prepaid;
    }

    // ---- state changes -------------------------------------------------------------------

    void choosePaymentOption(PaymentOption option) {
        require(step.editable(), "choose a payment option");
        paymentOption = option;
        touch();
    }

    void beginLogin(String state, String verifier) {
        require(step.editable(), "log in");
        loginState = state;
        loginVerifier = verifier;
        touch();
    }

    void loggedIn(String newTokenHash, String user, String access, String refresh, Instant expiresAt) {
        require(step.editable(), "log in");
        tokenHash = newTokenHash;
        loginState = null;
        loginVerifier = null;
        userId = user;
        accessToken = access;
        refreshToken = refresh;
        tokenExpiresAt = expiresAt;
        touch();
    }

    /** The shopper's login was renewed with the refresh token (any step: it only keeps the login usable). */
    void tokensRefreshed(String access, String refresh, Instant expiresAt) {
        require(accessToken != null, "refresh a login");
        accessToken = access;
        refreshToken = refresh;
        tokenExpiresAt = expiresAt;
        touch();
    }

    /**
     * ConnectID no longer accepts the shopper's login (expired or revoked) while the order is still
     * to be registered: it is registered as a guest's and then assigned to the shopper by e-mail or
     * mobile, like any guest order. The ConnectID user id stays for the support view.
     */
    void loginLapsed() {
        require(awaitsRegistration() && accessToken != null, "drop a lapsed login");
        accessToken = null;
        refreshToken = null;
        tokenExpiresAt = null;
        touch();
    }

    void loggedOut(String newTokenHash) {
        tokenHash = newTokenHash;
        userId = null;
        accessToken = null;
        refreshToken = null;
        tokenExpiresAt = null;
        touch();
    }

    void saveDetails(PayerDetails details) {
        require(step.editable(), "change the payer details");
        firstName = details.firstName();
        lastName = details.lastName();
        email = details.email();
        mobile = details.mobile();
        postalCode = details.postalCode();
        street = details.street();
        city = details.city();
        termsAccepted = details.termsAccepted();
        step = Step.DETAILS;
        touch();
    }

    /** Confirm: starts a new attempt with its own externalOrderId, sent unchanged on every retry. */
    void beginAttempt() {
        require(step == Step.DETAILS || step == Step.FAILED, "confirm");
        require(termsAccepted && paymentOption != null, "confirm without details");
        require(!refundPending(), "start again before the refund is done");
        attempt++;
        externalOrderId = reference + "-" + attempt;
        connectIdOrderId = null;
        paymentId = null;
        outcome = null;
        notice = null;
        step = Step.PROCESSING;
        touch();
    }

    void orderRegistered(long orderId) {
        require((step == Step.PROCESSING || step == Step.PAID) && connectIdOrderId == null, "record the order");
        connectIdOrderId = orderId;
        registeringUntil = null;
        touch();
    }

    /** Whether the attempt's order is the next thing to register at ConnectID. */
    boolean awaitsRegistration() {
        return connectIdOrderId == null && ((step == Step.PROCESSING && !prepaid()) || step == Step.PAID);
    }

    /**
     * Claims the registration of the attempt's order for {@code lease}: ConnectID's Register order
     * has no duplicate check, so only one step at a time may call it; a claim whose holder died
     * (or never heard back) runs out, and then another step may register.
     *
     * @return the claim, which the holder shows to {@link #releaseRegistration} and {@link #refundAfterRefusal}
     */
    Instant claimRegistration(Instant now, java.time.Duration lease) {
        require(awaitsRegistration() && !registrationClaimed(now), "claim the registration");
        // The database keeps microseconds: the claim must read back equal.
        registeringUntil = now.plus(lease).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        touch();
        return registeringUntil;
    }

    boolean registrationClaimed(Instant now) {
        return registeringUntil != null && registeringUntil.isAfter(now);
    }

    /** ConnectID certainly did not take the order: another step may register at once. */
    void releaseRegistration(Instant claim) {
        if (claim.equals(registeringUntil)) {
            registeringUntil = null;
            touch();
        }
    }

    void paymentStarted(String id) {
        require(step == Step.PROCESSING, "start a payment");
        paymentId = id;
        touch();
    }

    void awaitingPayment() {
        require(step == Step.PROCESSING, "wait for the payment");
        step = Step.AWAITING_PAYMENT;
        touch();
    }

    void paid() {
        require(step == Step.AWAITING_PAYMENT || step == Step.PROCESSING, "mark paid");
        step = Step.PAID;
        touch();
    }

    void completed() {
        require(step.inFlight(), "complete");
        step = Step.COMPLETED;
        outcome = "completed";
        touch();
    }

    /**
     * Claims the user assignment for {@code lease}: only one step at a time may call ConnectID's
     * Assign user (it sends the shopper a message); a claim whose holder died runs out.
     */
    void claimAssignment(Instant now, java.time.Duration lease) {
        require(step == Step.COMPLETED && !userAssigned && !assignmentClaimed(now), "claim the user assignment");
        assigningUntil = now.plus(lease);
        touch();
    }

    boolean assignmentClaimed(Instant now) {
        return assigningUntil != null && assigningUntil.isAfter(now);
    }

    void userAssigned(boolean isNewUser) {
        require(step == Step.COMPLETED && !userAssigned, "assign the user");
        userAssigned = true;
        newUser = isNewUser;
        touch();
    }

    /** The shopper cancelled at the payment step: back to review, the next confirm is a new attempt. */
    void cancelled() {
        require(step == Step.PROCESSING || step == Step.AWAITING_PAYMENT, "cancel");
        step = Step.DETAILS;
        outcome = "cancelled";
        notice = "cancelled";
        touch();
    }

    void failed(String why) {
        require(step == Step.PROCESSING || step == Step.AWAITING_PAYMENT, "fail");
        step = Step.FAILED;
        outcome = why;
        touch();
    }

    void keepFlash(String json) {
        flash = json;
        touch();
    }

    String takeFlash() {
        String shown = flash;
        if (shown != null) {
            flash = null;
            touch();
        }
        return shown;
    }

    /** Paid, but ConnectID refused the order for good: the payment is to be refunded (the next step). */
    void refundAfterRefusal(Instant claim) {
        require(step == Step.PAID && connectIdOrderId == null && claim.equals(registeringUntil), "refund");
        registeringUntil = null;
        step = Step.FAILED;
        outcome = REFUND_PENDING;
        touch();
    }

    /** The refund decided by {@link #refundAfterRefusal} went through at the payment provider. */
    void refunded() {
        require(refundPending(), "record a refund");
        outcome = "refunded";
        touch();
    }

    /** Failed after the money was taken, and the refund is not confirmed yet. */
    public boolean refundPending() {
        return step == Step.FAILED && REFUND_PENDING.equals(outcome);
    }

    String takeNotice() {
        String shown = notice;
        if (shown != null) {
            notice = null;
            touch();
        }
        return shown;
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    private void require(boolean legal, String action) {
        if (!legal) {
            throw new IllegalStepException("Cannot " + action + " in step " + step);
        }
    }
}
