package io.connectcheckout.payment.sandbox.hostedpage;

import io.connectcheckout.payment.sandbox.events.PaymentEvents;
import io.connectcheckout.payment.sandbox.expiry.PaymentExpiry;
import io.connectcheckout.payment.sandbox.payments.IllegalMoveException;
import io.connectcheckout.payment.sandbox.payments.PspPayment;
import io.connectcheckout.payment.sandbox.payments.PspState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import org.hibernate.Hibernate;
import org.jboss.logging.Logger;

/**
 * The shopper's steps on the hosted page: pay by card (with a 3-D Secure challenge for one test
 * card), confirm in the wallet, or cancel. Each step needs an open payment at the step it
 * expects; every outcome writes its event (and callback) in the same transaction.
 */
@ApplicationScoped
public class ShopperSteps {

    private static final Logger LOG = Logger.getLogger(ShopperSteps.class);

    private final PaymentEvents events;
    private final PaymentExpiry expiry;

    public ShopperSteps(PaymentEvents events, PaymentExpiry expiry) {
        this.events = events;
        this.expiry = expiry;
    }

    /** The payment behind a hosted page, expired first when its time is up; null when unknown. */
    @Transactional
    public PspPayment forPage(String paymentId) {
        PspPayment payment = paymentId == null || paymentId.length() > 40 ? null : PspPayment.byPaymentId(paymentId);
        if (payment != null) {
            expiry.expireIfDue(payment);
            Hibernate.initialize(payment.merchant); // the page shows the merchant's name
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
                events.record(payment, "authorized", payment.amountMinor, true);
            }
            case THREE_DS -> {
                payment.awaitStep(PspPayment.STEP_THREE_DS, masked, null);
                events.record(payment, "three_ds_challenge", payment.amountMinor, false);
            }
            default -> {
                String reason = outcome.name().toLowerCase(Locale.ROOT);
                payment.fail(reason, masked, null);
                events.record(payment, reason, payment.amountMinor, true);
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
            events.record(payment, "authorized", payment.amountMinor, true);
        } else {
            payment.fail("three_ds_failed", payment.maskedCard, null);
            events.record(payment, "three_ds_failed", payment.amountMinor, true);
        }
    }

    @Transactional
    public void startWallet(String paymentId, String e164) {
        PspPayment payment = open(paymentId, null);
        payment.awaitStep(PspPayment.STEP_WALLET, null, TestCards.maskPhone(e164));
        events.record(payment, "wallet_confirmation_requested", payment.amountMinor, false);
    }

    @Transactional
    public void completeWallet(String paymentId, boolean approved) {
        PspPayment payment = open(paymentId, PspPayment.STEP_WALLET);
        if (approved) {
            payment.authorize(null, payment.maskedPhone);
            events.record(payment, "authorized", payment.amountMinor, true);
        } else {
            payment.fail("wallet_rejected", null, payment.maskedPhone);
            events.record(payment, "wallet_rejected", payment.amountMinor, true);
        }
    }

    /** The shopper pressed Cancel. */
    @Transactional
    public void abort(String paymentId) {
        PspPayment payment = open(paymentId, "any");
        payment.abort();
        events.record(payment, "aborted", payment.amountMinor, true);
    }

    /** An open payment at the expected step (null: none yet, "any": whatever step). */
    private PspPayment open(String paymentId, String step) {
        PspPayment payment = forPage(paymentId);
        if (payment == null) {
            throw new NotFoundException();
        }
        if (payment.state != PspState.CREATED) {
            throw new IllegalMoveException(payment.state, "shopper step");
        }
        if (!"any".equals(step) && !Objects.equals(step, payment.pendingStep)) {
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

    static boolean cardExpired(YearMonth expiry) {
        return expiry.isBefore(YearMonth.now(ZoneOffset.UTC));
    }
}
