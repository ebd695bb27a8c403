package io.connectcheckout.checkout;

import io.connectcheckout.connectid.client.OfferTerms;
import io.connectcheckout.publisher.Offer;
import io.connectcheckout.publisher.PaymentOption;
import io.connectcheckout.publisher.Publisher;
import io.connectcheckout.common.Money;
import java.util.List;
import java.util.Locale;

/** What the checkout's pages show, as plain records built from the checkout in the shopper's language. */
public final class CheckoutViews {

    private CheckoutViews() {
    }

    /** An offer's terms as the offer page shows them. */
    public record OfferView(String title, String summary, Money price, Money vat, boolean vatFree, int periodLength,
            String periodType, Money renewalPrice, Integer renewalPeriodLength, String renewalPeriodType) {
    }

    /** A payment option as a radio button. */
    public record OptionView(String code, String label, boolean prepaid, boolean checked) {
    }

    /** The form values shown on the details page (from the checkout, or from a rejected post). */
    public record DetailsView(String firstName, String lastName, String email, String mobile, String postalCode,
            String street, String city, boolean terms, String paymentOption, boolean immediateStart) {

        static final DetailsView EMPTY = new DetailsView(null, null, null, null, null, null, null, false, null, false);
    }

    /** Everything the review and receipt pages say about a checkout. */
    public record Summary(String reference, String product, String payerName, String email, String mobile,
            String address, String paymentLabel, String paymentMethod, boolean prepaid, Money price, Money vat,
            boolean loggedIn, String userId, String orderNumber, Boolean newUser, String homeUrl, String publisherName,
            int periodLength, String periodType, PriceTerms terms, boolean immediateStart) {
    }

    static OfferView offer(Offer offer, OfferTerms terms, Locale l) {
        return new OfferView(offer.title(l), offer.summary(l), terms.price(), terms.vat(), terms.vat().isZero(),
                terms.periodLength(), terms.periodType(), terms.renewalPrice(), terms.renewalPeriodLength(),
                terms.renewalPeriodType());
    }

    /** The publisher's payment options, {@code chosen} checked (the first one when none is). */
    static List<OptionView> options(Publisher publisher, String chosen, Locale l) {
        List<PaymentOption> all = publisher.paymentOptions;
        String selected = chosen != null ? chosen : (all.isEmpty() ? null : all.get(0).code);
        return all.stream().map(o -> new OptionView(o.code, o.label(l), o.prepaid, o.code.equals(selected))).toList();
    }

    static DetailsView details(CheckoutSession s) {
        Payer p = s.payer();
        return new DetailsView(p.firstName(), p.lastName(), p.email(), p.mobile(), p.postalCode(), p.street(), p.city(),
                p.termsAccepted(), s.paymentOption() == null ? null : s.paymentOption().code, p.immediateStart());
    }

    /**
     * What is being bought, for the details page (issue 14 item 12): the product and the price the
     * checkout holds, with no payer yet; the payer fields of the summary are empty.
     */
    static Summary buying(CheckoutSession s, Locale l) {
        return new Summary(s.reference(), s.offer().title(l), null, null, null, null,
                s.paymentOption() == null ? null : s.paymentOption().label(l),
                s.paymentOption() == null ? null : s.paymentOption().paymentMethod,
                s.paymentOption() != null && s.paymentOption().prepaid, s.terms().price(), s.terms().vat(), s.loggedIn(),
                null, null, null, s.publisher().homeUrl, s.publisher().name, s.terms().periodLength(),
                s.terms().periodType(), s.terms(), false);
    }

    static Summary summary(CheckoutSession s, Locale l) {
        Payer p = s.payer();
        String address = p.street() == null ? p.postalCode() : p.street() + ", " + p.postalCode() + " " + p.city();
        return new Summary(s.reference(), s.offer().title(l), p.firstName() + " " + p.lastName(), p.email(), p.mobile(),
                address, s.paymentOption().label(l), s.paymentOption().paymentMethod, s.paymentOption().prepaid,
                s.terms().price(), s.terms().vat(), s.loggedIn(), s.login().userId(),
                s.attempt().connectIdOrderId() == null ? null : s.attempt().connectIdOrderId().toString(), s.attempt().newUser(),
                s.publisher().homeUrl, s.publisher().name,
                s.terms().periodLength(), s.terms().periodType(), s.terms(), p.immediateStart());
    }

    /** How the details page names the logged-in shopper. */
    static String displayName(CheckoutSession s) {
        Payer p = s.payer();
        if (p.email() != null) {
            return p.email();
        }
        return p.firstName() != null ? p.firstName() + " " + p.lastName() : s.login().userId();
    }
}
