package io.connectcheckout.checkout;

import io.connectcheckout.connectid.client.ConnectIdGateway;
import io.connectcheckout.connectid.client.OfferTerms;
import io.connectcheckout.publisher.Offer;
import io.connectcheckout.publisher.PaymentOption;
import io.connectcheckout.publisher.Publisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * The offer and the start of a checkout. Prices, VAT and periods are ConnectID's, read on the
 * server from its catalogue (Order API coupon price and coupon list); nothing from the browser
 * can change them.
 */
@ApplicationScoped
public class CheckoutStart {

    private final ConnectIdGateway connectId;
    private final Clock clock;

    public CheckoutStart(ConnectIdGateway connectId, Clock clock) {
        this.connectId = connectId;
        this.clock = clock;
    }

    /**
     * An offer's terms as ConnectID prices them.
     *
     * @throws IllegalStateException for an offer that is not a coupon (the only kind priced through ConnectID)
     */
    public OfferTerms terms(Publisher publisher, Offer offer) {
        if (!"coupon".equals(offer.specType)) {
            throw new IllegalStateException("Only coupon offers are priced through ConnectID coupons: " + offer.slug);
        }
        return connectId.couponTerms(Accounts.connectId(publisher), offer.couponCode, offer.couponNumber);
    }

    /**
     * Starts a checkout for an offer with a payment option the publisher offers, at ConnectID's price.
     *
     * @return the new session's cookie value (256 random bits; only its SHA-256 is stored)
     */
    public String start(Publisher publisher, Offer offer, PaymentOption option, String locale) {
        OfferTerms terms = terms(publisher, offer);
        String token = SessionTokens.newSessionToken();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            CheckoutSession session = CheckoutSession.start(SessionTokens.sha256Hex(token),
                    SessionTokens.newReference(), Publisher.findById(publisher.id), Offer.findById(offer.id),
                    PaymentOption.findById(option.id),
                    PriceTerms.of(terms), locale, now);
            session.persist();
            CheckoutEvent.record(session.id(), now, CheckoutEventType.STARTED, "offer " + offer.slug + ", "
                    + option.code + ", " + terms.price());
        });
        return token;
    }
}
