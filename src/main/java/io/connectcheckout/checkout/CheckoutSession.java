package io.connectcheckout.checkout;

import io.connectcheckout.checkout.Step.Move;
import io.connectcheckout.connectid.client.Profile;
import io.connectcheckout.publisher.Offer;
import io.connectcheckout.publisher.PaymentOption;
import io.connectcheckout.publisher.Publisher;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One shopper's checkout, held on the server across redirects: its columns ({@link CheckoutState})
 * change only through the moves below, each a {@link Move} of the transition table on {@link Step};
 * {@code now} comes from the caller's {@link java.time.Clock}. Concurrent moves of the same
 * checkout are serialised by optimistic locking.
 */
@Entity
@Table(name = "checkout_session")
public class CheckoutSession extends CheckoutState {

    static CheckoutSession start(String tokenHash, String reference, Publisher publisher, Offer offer,
            PaymentOption option, PriceTerms terms, String locale, Instant now) {
        CheckoutSession session = new CheckoutSession();
        session.init(tokenHash, reference, publisher, offer, option, terms, locale, now);
        return session;
    }

    public static Optional<CheckoutSession> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** The checkout whose current attempt's payment this is (a payment of an earlier attempt finds nothing). */
    public static Optional<CheckoutSession> findByPaymentId(String paymentId) {
        return find("attempt.paymentId", paymentId).firstResultOptional();
    }

    public static Optional<CheckoutSession> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    // ---- moves --------------------------------------------------------------------------------

    void choosePaymentOption(PaymentOption option, Instant now) {
        move(Move.CHOOSE_PAYMENT_OPTION, true, now);
        paymentOption(option);
    }

    /** A login begins; its state and verifier are a {@link LoginAttempt} of their own, recorded in the same change. */
    void beginLogin(Instant now) {
        move(Move.BEGIN_LOGIN, true, now);
    }

    /** Logged in: a new cookie (session fixation), the tokens, and empty payer fields from the profile. */
    void loggedIn(String newTokenHash, String user, String access, String refresh, Instant expiresAt, Profile profile,
            Instant now) {
        move(Move.LOG_IN, true, now);
        tokenHash(newTokenHash);
        login().completed(user, access, refresh, expiresAt);
        payer().prefill(profile);
    }

    /** The shopper's login was renewed with the refresh token (any step: it only keeps the login usable). */
    void tokensRefreshed(String access, String refresh, Instant expiresAt, Instant now) {
        require(loggedIn(), "refresh a login");
        login().tokensRefreshed(access, refresh, expiresAt);
        touched(now);
    }

    /**
     * ConnectID no longer accepts the shopper's login (expired or revoked) while the order is still
     * to be registered: it is registered as a guest's and then assigned to the shopper by e-mail or
     * mobile, like any guest order. The ConnectID user id stays for the support view.
     */
    void loginLapsed(Instant now) {
        move(Move.REGISTER_ORDER, awaitsRegistration() && loggedIn(), now);
        login().dropTokens();
    }

    void loggedOut(String newTokenHash, Instant now) {
        tokenHash(newTokenHash);
        login().loggedOut();
        touched(now);
    }

    void saveDetails(PayerDetails details, Instant now) {
        move(Move.SAVE_DETAILS, true, now);
        payer().set(details);
    }

    /** Confirm: starts a new attempt with its own externalOrderId, sent unchanged on every retry. */
    void beginAttempt(Instant now) {
        require(step().allows(Move.BEGIN_ATTEMPT), "confirm");
        require(payer().termsAccepted() && paymentOption() != null, "confirm without details");
        require(!refundPending(), "start again before the refund is done");
        move(Move.BEGIN_ATTEMPT, true, now);
        attempt().begin(reference(), now);
        notes().notice(null);
    }

    void orderRegistered(long orderId, Instant now) {
        move(Move.REGISTER_ORDER, attempt().connectIdOrderId() == null, now);
        attempt().orderRegistered(orderId);
        leases().endRegistration();
    }

    /**
     * Claims the registration of the attempt's order for {@code lease} (see {@link Leases}).
     *
     * @return the claim, which the holder shows to {@link #releaseRegistration} and {@link #refundAfterRefusal}
     */
    Instant claimRegistration(Instant now, Duration lease) {
        move(Move.REGISTER_ORDER, awaitsRegistration() && !registrationClaimed(now), now);
        return leases().claimRegistration(now, lease);
    }

    /** ConnectID certainly did not take the order: another step may register at once. */
    void releaseRegistration(Instant claim, Instant now) {
        if (leases().holdsRegistration(claim)) {
            leases().endRegistration();
            touched(now);
        }
    }

    void paymentStarted(String id, String pageUrl, Instant now) {
        move(Move.START_PAYMENT, true, now);
        attempt().paymentStarted(id, pageUrl);
    }

    void awaitingPayment(Instant now) {
        move(Move.AWAIT_PAYMENT, true, now);
    }

    void paid(Instant now) {
        move(Move.MARK_PAID, true, now);
    }

    void completed(Instant now) {
        move(Move.COMPLETE, true, now);
        attempt().ended(Outcome.COMPLETED);
    }

    /** Claims the user assignment for {@code lease}: Assign user sends the shopper a message, so only once. */
    void claimAssignment(Instant now, Duration lease) {
        move(Move.ASSIGN_USER, !attempt().userAssigned() && !assignmentClaimed(now), now);
        leases().claimAssignment(now, lease);
    }

    void userAssigned(boolean isNewUser, Instant now) {
        move(Move.ASSIGN_USER, !attempt().userAssigned(), now);
        attempt().userAssigned(isNewUser);
    }

    /** The shopper cancelled at the payment step: back to review, the next confirm is a new attempt. */
    void cancelled(Instant now) {
        move(Move.CANCEL, true, now);
        attempt().ended(Outcome.CANCELLED);
        notes().notice("cancelled");
    }

    void failed(Outcome why, Instant now) {
        move(Move.FAIL, true, now);
        attempt().ended(why);
    }

    /** Paid, but ConnectID refused the order for good: the payment is to be refunded (the next step). */
    void refundAfterRefusal(Instant claim, Instant now) {
        move(Move.REFUND_AFTER_REFUSAL, attempt().connectIdOrderId() == null && leases().holdsRegistration(claim), now);
        leases().endRegistration();
        attempt().ended(Outcome.REFUND_PENDING);
    }

    /** The refund decided by {@link #refundAfterRefusal} went through at the payment provider. */
    void refunded(Instant now) {
        move(Move.RECORD_REFUND, refundPending(), now);
        attempt().ended(Outcome.REFUNDED);
    }

    /**
     * ConnectID reported the customer the attempt's order was registered for: a later attempt of this
     * checkout (a retry after a decline, a cancel) names it, so ConnectID creates no second customer.
     */
    void customerKnown(Long customerNumber, Instant now) {
        payer().customerKnown(customerNumber);
        touched(now);
    }

    void keepFlash(String json, Instant now) {
        notes().flash(json);
        touched(now);
    }

    /** The kept form, cleared so it shows once (null when there is none). */
    String takeFlash(Instant now) {
        return taken(notes().takeFlash(), now);
    }

    /** The one-off notice, cleared so it shows once (null when there is none). */
    String takeNotice(Instant now) {
        return taken(notes().takeNotice(), now);
    }

    private String taken(String shown, Instant now) {
        if (shown != null) {
            touched(now);
        }
        return shown;
    }

    /** Applies {@code move} when the table allows it in this step and {@code alsoLegal} holds. */
    private void move(Move move, boolean alsoLegal, Instant now) {
        require(step().allows(move) && alsoLegal, move.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        step(step().after(move));
        touched(now);
    }

    private void require(boolean legal, String action) {
        if (!legal) {
            throw new IllegalStepException("Cannot " + action + " in step " + step());
        }
    }
}
