package io.connectcheckout.checkout;

import io.connectcheckout.publisher.PaymentOption;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * What the shopper sets before confirming — the payment option and the payer's details — and the
 * one-off things a page shows once: a rejected form kept for the GET after the redirect, and a
 * notice (e.g. "the payment was cancelled").
 */
@ApplicationScoped
public class ShopperChoices {

    private final CheckoutStore store;
    private final Clock clock;

    public ShopperChoices(CheckoutStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @throws IllegalStepException when the details can no longer be changed (an attempt is under way or done) */
    public void choosePaymentOption(Long sessionId, PaymentOption option) {
        store.change(sessionId, (s, now) -> s.choosePaymentOption(option, now), CheckoutEventType.PAYMENT_OPTION,
                option.code);
    }

    /** @throws IllegalStepException when the details can no longer be changed */
    public void saveDetails(Long sessionId, PayerDetails details) {
        store.change(sessionId, (s, now) -> s.saveDetails(details, now), CheckoutEventType.DETAILS_SAVED, null);
    }

    /** Keeps a rejected form's values and errors (JSON) for the GET after the redirect. */
    public void keepFlash(Long sessionId, String json) {
        QuarkusTransaction.requiringNew().run(() ->
                CheckoutSession.<CheckoutSession>findById(sessionId).keepFlash(json, clock.instant()));
    }

    /** The kept form of {@code session} as just read, cleared so it shows once; no write when there is none. */
    public String takeFlash(CheckoutSession session) {
        if (session.notes().flash() == null) {
            return null;
        }
        return QuarkusTransaction.requiringNew().call(() ->
                CheckoutSession.<CheckoutSession>findById(session.id()).takeFlash(clock.instant()));
    }

    /** The one-off notice of {@code session} as just read, cleared so it shows once; no write when there is none. */
    public String takeNotice(CheckoutSession session) {
        if (session.notes().notice() == null) {
            return null;
        }
        return QuarkusTransaction.requiringNew().call(() ->
                CheckoutSession.<CheckoutSession>findById(session.id()).takeNotice(clock.instant()));
    }
}
