package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.query;
import static io.connectcheckout.testing.Checkouts.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.MutableClock;
import io.connectcheckout.testing.Shopper;
import io.connectcheckout.web.CheckoutConfig;
import io.connectcheckout.web.SigningKeyStore;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The signed receipt and return links (issue 12, items 6 and 16): only the link the checkout
 * signed, for that reference and purpose, opens a receipt in a browser without the cookie; a
 * wrong, missing or borrowed signature is refused; and every link expires, after which it shows
 * a translated page that says where the receipt is, never the order.
 */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class SignedLinkSecurityTest {

    private static final String OWNER = "receipt.owner@example.no";

    @Test
    void onlyTheSignatureOfThatReceiptOpensItInAnotherBrowser() {
        CheckoutSession mine = session(Checkouts.completedInvoiceCheckout(OWNER));
        CheckoutSession other = session(Checkouts.completedInvoiceCheckout("someone.else@example.no"));
        String link = urls().signedReceiptPath(mine);
        String reference = mine.reference();
        String sig = query(URI.create(Shopper.absolute(link)), "sig");
        String othersSig = query(URI.create(Shopper.absolute(urls().signedReceiptPath(other))), "sig");

        // The link the checkout signed works without the cookie: the guard below is not vacuous.
        Shopper.Page real = new Shopper().get(link);
        assertEquals(200, real.status());
        assertThat(real.text(), containsString(OWNER));

        for (String forged : new String[] {
                "/checkout/receipt/" + reference + "?sig=forged",
                "/checkout/receipt/" + reference,
                "/checkout/receipt/" + reference + "?sig=",
                "/checkout/receipt/" + reference + "?sig=" + othersSig,
                "/checkout/receipt/" + other.reference() + "?sig=" + sig,
                // Signed for another purpose (the return from ConnectID), not for the receipt.
                "/checkout/receipt/" + reference + "?sig=" + query(urls().fulfillmentReturn(mine, false), "sig"),
                // A later expiry than the one signed.
                "/checkout/receipt/" + reference + "?sig=" + laterExpiry(sig),
                "/checkout/receipt/" + reference + "?sig=" + sig + "x",
                "/checkout/receipt/" + reference.toLowerCase() + "?sig=" + sig}) {
            Shopper.Page refused = new Shopper().get(forged);
            assertEquals(403, refused.status(), forged);
            assertThat(forged, refused.body(), not(containsString(OWNER)));
            assertThat(forged, refused.body(), not(containsString("Order number")));
        }
    }

    /** Issue 12, item 3: the key the checkout signs with is its own, never a published one. */
    @Test
    void aLinkSignedWithThePublishedDefaultKeyIsRefused() {
        CheckoutSession mine = session(Checkouts.completedInvoiceCheckout(OWNER));
        Instant later = Instant.now().plus(Duration.ofDays(1000));
        String published = new SignedReference("dev-only-signing-key-change-me-in-production".getBytes(StandardCharsets.UTF_8))
                .sign(ReturnUrls.RECEIPT_PURPOSE, mine.reference(), later);
        Shopper.Page refused = new Shopper().get("/checkout/receipt/" + mine.reference() + "?sig=" + published);
        assertEquals(403, refused.status());
        assertThat(refused.body(), not(containsString(OWNER)));

        byte[] stored = Arc.container().instance(SigningKeyStore.class).get().key(ReturnUrls.SIGNING_KEY);
        String ours = new SignedReference(stored).sign(ReturnUrls.RECEIPT_PURPOSE, mine.reference(), later);
        assertEquals(200, new Shopper().get("/checkout/receipt/" + mine.reference() + "?sig=" + ours).status(),
                "the key generated at the first start and kept in the database signs the links");
    }

    @Test
    void aReceiptLinkExpiresAndThenSaysWhereTheReceiptIs() {
        CheckoutSession mine = session(Checkouts.completedInvoiceCheckout(OWNER));
        String link = urls().signedReceiptPath(mine);
        Duration lifetime = config().signedLinks().receiptLifetime();

        MutableClock.advance(lifetime.minusMinutes(5));
        assertEquals(200, new Shopper().get(link).status(), "still valid shortly before it expires");

        MutableClock.advance(Duration.ofMinutes(6));
        Shopper.Page expired = new Shopper().get(link);
        assertEquals(410, expired.status());
        assertThat(expired.text(), containsString("This link has expired"));
        // Found by the outside attack: it promised an order confirmation by e-mail, which is not sent
        // (issue 14 builds it); until then the page points to customer service only.
        assertThat(expired.text(), not(containsString("by e-mail")));
        assertThat(expired.text(), containsString("kundeservice@demo.connectcheckout.io"));
        assertNoOrderIn(expired, mine);

        Shopper.Page utlopt = new Shopper("nb").get(link);
        assertEquals(410, utlopt.status());
        assertThat(utlopt.text(), containsString("Lenken er utløpt"));
        assertNoOrderIn(utlopt, mine);
    }

    @Test
    void aReturnLinkExpiresAfterThePaymentsLifetimeAndItsMargin() {
        Shopper shopper = atReview("card", "late.return@example.no");
        Shopper.Page toFulfillment = shopper.submit("form[action='/checkout/confirm']", Map.of(), null);
        String returnUrl = query(URI.create(toFulfillment.location()), "returnUrl");
        CheckoutSession mine = session(shopper);

        Shopper.Page inTime = new Shopper().get(returnUrl);
        assertEquals(200, inTime.status(), "a return in time shows the status page");

        MutableClock.advance(config().signedLinks().returnLifetime().plusMinutes(1));
        Shopper.Page late = new Shopper().get(returnUrl);
        assertEquals(410, late.status());
        assertThat(late.text(), containsString("This link has expired"));
        assertNoOrderIn(late, mine);
        // One attempt, one link: built again later it is the same (a retried request to ConnectID
        // or the payment provider must send what the first one sent), so it is expired too.
        assertEquals(returnUrl, urls().fulfillmentReturn(mine, false).toString());
    }

    private static void assertNoOrderIn(Shopper.Page page, CheckoutSession s) {
        assertThat(page.body(), not(containsString(s.payer() == null ? "@" : s.payer().email())));
        assertThat(page.body(), not(containsString("Digital")));
        assertThat(page.body(), not(containsString("Order number")));
        assertThat(page.body(), not(containsString("Ordrenummer")));
    }

    /** The same signature with its expiry moved a year on (the signed part is "expiry.mac"). */
    private static String laterExpiry(String sig) {
        int dot = sig.indexOf('.');
        if (dot < 0) {
            return "99999999999." + sig;
        }
        long expiry = Long.parseLong(sig.substring(0, dot));
        return (expiry + 365L * 24 * 3600) + sig.substring(dot);
    }

    private static ReturnUrls urls() {
        return Arc.container().instance(ReturnUrls.class).get();
    }

    private static CheckoutConfig config() {
        return Arc.container().instance(CheckoutConfig.class).get();
    }
}
