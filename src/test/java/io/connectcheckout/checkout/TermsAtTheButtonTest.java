package io.connectcheckout.checkout;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.connectcheckout.connectid.sandbox.orders.CatalogueCoupon;
import io.connectcheckout.publisher.Offer;
import io.connectcheckout.publisher.Publisher;
import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.Shopper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 items 1 and 2: right above the order button the shopper reads the first price, what it
 * renews at, binding, how to cancel and the right of withdrawal, and the button says the order
 * commits to pay. The terms are checked against ConnectID's own catalogue (the stand-in's coupon
 * rows, read independently of the checkout's client), and the renewal sentence is the same on the
 * offer page, above the button and on the receipt.
 */
@QuarkusTest
class TermsAtTheButtonTest {

    /** An offer's first price and renewal as ConnectID's catalogue holds them. */
    private record Catalogue(String slug, BigDecimal price, BigDecimal renewalPrice, int renewalLength,
            String renewalType) {

        /** The renewal as English words ("month", "12 months"), from ConnectID's units ({@code months}). */
        String every() {
            String unit = renewalType.replaceAll("s$", "");
            return renewalLength == 1 ? unit : renewalLength + " " + unit + "s";
        }
    }

    private static List<Catalogue> demoOffers() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Publisher demo = Publisher.findBySlug("demo").orElseThrow();
            return demo.offers.stream().filter(o -> "coupon".equals(o.specType)).map((Offer o) -> {
                CatalogueCoupon c = CatalogueCoupon.find(o.couponCode, Integer.valueOf(o.couponNumber)).orElseThrow();
                return new Catalogue(o.slug, c.price, c.renewalPrice, c.renewalPeriodLength, c.renewalPeriodType);
            }).toList();
        });
    }

    @Test
    void everyOfferStatesItsTermsRightAboveAButtonThatCommitsToPayAndTheReceiptRepeatsThem() {
        List<Catalogue> offers = demoOffers();
        assertEquals(3, offers.size(), "the demo publisher's coupon offers");
        for (Catalogue offer : offers) {
            Shopper shopper = new Shopper();
            Shopper.Page offerPage = shopper.open("/checkout/demo/" + offer.slug());
            String offerRenewal = offerPage.document().selectFirst(".price-box__renewal").text();
            Shopper.Page review = toReview(shopper, offer.slug());

            Element button = review.document().selectFirst("form[action='/checkout/confirm'] button[type=submit]");
            assertEquals("Order with obligation to pay", button.text(), offer.slug());
            Element terms = review.document().selectFirst("form[action='/checkout/confirm']").previousElementSibling();
            assertNotNull(terms);
            assertEquals("terms", terms.id(), offer.slug() + ": the terms are right above the button");
            assertThat(terms.selectFirst("#terms-price").text(), containsString(nok(offer.price())));
            String renewal = terms.selectFirst("#terms-renewal").text();
            assertEquals("Then " + nok(offer.renewalPrice()) + " every " + offer.every() + " until you cancel.", renewal,
                    offer.slug());
            assertEquals(offerRenewal, renewal, offer.slug() + ": offer page and review say the same");
            assertThat(terms.selectFirst("#terms-withdrawal").text(), containsString("14 days"));
            assertThat(terms.selectFirst("#terms-cancel").text(), containsString("Cancel any time"));

            Shopper.Page receipt = shopper.submitAndFollow("form[action='/checkout/confirm']", Map.of(), null);
            assertNotNull(receipt.document().selectFirst("#receipt"), offer.slug() + ": " + receipt.url());
            assertEquals(renewal, receipt.document().selectFirst("#terms-renewal").text(), offer.slug() + ": the receipt");
        }
    }

    @Test
    void inNorwegianTheButtonSaysBestillMedBetalingsplikt() {
        Shopper shopper = new Shopper("nb");
        shopper.open("/checkout/demo/print-weekend");
        Shopper.Page review = toReview(shopper, "print-weekend");
        assertEquals("Bestill med betalingsplikt",
                review.document().selectFirst("form[action='/checkout/confirm'] button[type=submit]").text());
        assertThat(review.document().selectFirst("#terms-renewal").text(), containsString("til du sier opp"));
        assertThat(review.document().selectFirst("#terms-withdrawal").text(), containsString("angrerett"));
    }

    private static Shopper.Page toReview(Shopper shopper, String slug) {
        String offer = "/checkout/demo/" + slug;
        Shopper.Page details = shopper.submitAndFollow("form[action='" + offer + "']",
                Map.of("paymentOption", "invoice"), "mode=guest");
        // Issue 14 item 12: the details page says what is being bought, at what price, renewing how.
        String offerRenewal = shopper.open(offer).document().selectFirst(".price-box__renewal").text();
        details = shopper.open("/checkout/details");
        Element buying = details.document().getElementById("buying");
        assertNotNull(buying, slug + ": the details page names what is bought");
        assertThat(buying.text(), containsString(details.document().selectFirst("#buying .money").text()));
        assertThat(slug, buying.text(), containsString(offerRenewal));
        Map<String, String> payer = new java.util.HashMap<>(Checkouts.payer("terms-" + System.nanoTime() + "@example.no"));
        if (details.document().selectFirst("input[name=street]") != null) {
            // A printed paper is delivered: the address is asked for.
            payer.put("street", "Storgata 1");
            payer.put("city", "Oslo");
        }
        Shopper.Page review = shopper.submitAndFollow("form[action='/checkout/details']", payer, null);
        assertThat(review.url(), containsString("/checkout/review"));
        return review;
    }

    private static String nok(BigDecimal amount) {
        return String.format(Locale.ENGLISH, "NOK %,.2f", amount);
    }
}
