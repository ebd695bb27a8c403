package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.atWalletApproval;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.publisher.Publisher;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.connectcheckout.testing.SmtpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14 item 3: every completed order gets an order confirmation by e-mail (a durable medium,
 * CRD art. 8(7)), received here by a real SMTP server (GreenMail) and read as a mail program
 * reads it: headers, the text and HTML parts, both languages, the terms the review page stated
 * above the button, the withdrawal information and model form, the trader's identity, and a
 * receipt link that works when followed without the checkout's cookie. Once per order, whatever
 * races to complete it.
 */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class OrderConfirmationMailTest {

    @jakarta.inject.Inject
    CheckoutMailWorker worker;

    @Test
    void anInvoiceOrderIsConfirmedByEMailAsTheReviewPageStatedIt() throws Exception {
        String email = "confirm.en." + System.nanoTime() + "@example.no";
        Shopper shopper = atReview("invoice", email);
        Document review = shopper.page().document();
        Shopper.Page receipt = shopper.submitAndFollow("form[action='/checkout/confirm']", Map.of(), null);
        String orderNumber = session(shopper).attempt().connectIdOrderId().toString();
        assertThat(receipt.document().selectFirst(".receipt__number").text(), containsString(orderNumber));

        MimeMessage mail = SmtpServer.await(email, 1).get(0);
        Publisher demo = demo();
        assertEquals("Order confirmation " + orderNumber + ": Digital – monthly", mail.getSubject());
        assertEquals(demo.supportEmail, mail.getReplyTo()[0].toString());
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
        assertEquals("en", mail.getHeader("Content-Language", null));
        String text = part(mail, "text/plain");
        Document html = Jsoup.parse(part(mail, "text/html"));
        assertEquals("en", html.selectFirst("html").attr("lang"));

        // The terms exactly as the review page stated them above the button.
        for (String id : List.of("terms-renewal", "terms-binding", "terms-cancel")) {
            String stated = review.getElementById(id).text();
            assertThat(id, text, containsString(stated));
        }
        assertThat(html.getElementById("price").text(), containsString(review.getElementById("terms-price").text()
                .replaceAll(" \\(.*\\)$", "")));
        assertThat(text, containsString(orderNumber));
        assertThat(text, containsString("the invoice comes"));
        // Withdrawal: the right, the deadline, the model form; the trader's identity.
        assertThat(text, containsString("within 14 days without giving any reason"));
        assertThat(html.getElementById("withdrawal-form").text(), containsString("Model withdrawal form"));
        assertThat(html.getElementById("withdrawal-form").text(), containsString("I/We (*) hereby give notice"));
        String trader = html.getElementById("trader").text();
        for (String detail : List.of(demo.companyName, demo.organisationNumber, demo.postalAddress, demo.supportEmail)) {
            assertThat(trader, containsString(detail));
            assertThat(text, containsString(detail));
        }

        // The receipt link works in a browser without the checkout's cookie.
        String link = html.getElementById("receipt-link").attr("href");
        assertThat(link, startsWith("http://localhost:"));
        Shopper elsewhere = new Shopper();
        Shopper.Page opened = elsewhere.open(link.replaceFirst("^http://localhost:\\d+", ""));
        assertEquals(200, opened.status());
        assertThat(opened.document().selectFirst(".receipt__number").text(), containsString(orderNumber));
        assertEquals(1, events(session(shopper), "confirmation_sent"));
    }

    @Test
    void aNorwegianShopperGetsItInNorwegian() throws Exception {
        String email = "bekreft.nb." + System.nanoTime() + "@example.no";
        Shopper shopper = new Shopper("nb");
        shopper.open(io.connectcheckout.testing.Checkouts.OFFER);
        shopper.submitAndFollow("form[action='" + io.connectcheckout.testing.Checkouts.OFFER + "']",
                Map.of("paymentOption", "invoice"), "mode=guest");
        shopper.submitAndFollow("form[action='/checkout/details']", io.connectcheckout.testing.Checkouts.payer(email), null);
        Document review = shopper.page().document();
        shopper.submitAndFollow("form[action='/checkout/confirm']", Map.of(), null);

        MimeMessage mail = SmtpServer.await(email, 1).get(0);
        assertThat(mail.getSubject(), startsWith("Ordrebekreftelse "));
        assertEquals("nb", mail.getHeader("Content-Language", null));
        String text = part(mail, "text/plain");
        assertThat(text, containsString(review.getElementById("terms-renewal").text()));
        assertThat(text, containsString("Angreskjema"));
        assertThat(text, containsString("Organisasjonsnummer " + demo().organisationNumber));
        assertEquals("nb", Jsoup.parse(part(mail, "text/html")).selectFirst("html").attr("lang"));
    }

    @Test
    void aPrepaidOrderIsConfirmedToo() throws Exception {
        String email = "confirm.vipps." + System.nanoTime() + "@example.no";
        Shopper shopper = atReview("vipps", email);
        atWalletApproval(shopper);
        shopper.follow(shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve"));
        MimeMessage mail = SmtpServer.await(email, 1).get(0);
        assertThat(part(mail, "text/plain"), containsString("Vipps, paid"));
    }

    @Test
    void aCardOrderPaidAtConnectIdsFulfillmentIsConfirmedToo() throws Exception {
        String email = "confirm.card." + System.nanoTime() + "@example.no";
        Shopper shopper = atReview("card", email);
        shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        Shopper.Page hop = shopper.submit("form[action$='/card']",
                Map.of("cardNumber", "4111 1111 1111 1111", "expiry", "12/39", "cvc", "123"), null);
        while (hop.location() != null) {
            hop = shopper.get(hop.location());
        }
        assertEquals(Step.COMPLETED, session(shopper).step());
        assertThat(part(SmtpServer.await(email, 1).get(0), "text/plain"), containsString("Card, paid"));
    }

    /** Twenty confirms at once complete one order, and it is confirmed once; later steps add nothing. */
    @Test
    void raceingConfirmsSendOneConfirmation() throws Exception {
        String email = "confirm.race." + System.nanoTime() + "@example.no";
        Shopper shopper = atReview("invoice", email);
        for (Shopper.Page answer : io.connectcheckout.testing.Checkouts.confirmAtOnce(shopper, 20)) {
            assertTrue(answer.status() < 500);
        }
        SmtpServer.await(email, 1);
        // Reloads of the receipt and the status page step the checkout again: nothing more is sent.
        for (int i = 0; i < 3; i++) {
            shopper.get("/checkout/receipt");
            shopper.get("/checkout/status");
        }
        CheckoutSession done = session(shopper);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> CheckoutMail.count("sessionId", done.id())));
        worker.sendDue();
        assertEquals(1, SmtpServer.received(email).size());
        assertEquals(1, events(done, "order_completed"));
        assertEquals(1, events(done, "confirmation_queued"));
    }

    @Test
    void aPayerWithOnlyAMobileNumberGetsNoneAndTheTimelineSaysSo() {
        Shopper shopper = new Shopper();
        shopper.open(io.connectcheckout.testing.Checkouts.OFFER);
        shopper.submitAndFollow("form[action='" + io.connectcheckout.testing.Checkouts.OFFER + "']",
                Map.of("paymentOption", "invoice"), "mode=guest");
        Map<String, String> payer = io.connectcheckout.testing.Checkouts.payer("");
        payer.put("mobile", "+47 912 34 567");
        shopper.submitAndFollow("form[action='/checkout/details']", payer, null);
        shopper.submitAndFollow("form[action='/checkout/confirm']", Map.of(), null);
        CheckoutSession done = session(shopper);
        assertEquals(Step.COMPLETED, done.step());
        assertEquals(1, events(done, "confirmation_not_sent"));
        assertEquals(0, events(done, "confirmation_queued"));
    }

    private static Publisher demo() {
        return QuarkusTransaction.requiringNew().call(() -> Publisher.findBySlug("demo").orElseThrow());
    }

    /** The decoded content of the message's part of this type (multipart/alternative). */
    private static String part(MimeMessage mail, String type) throws Exception {
        Object content = mail.getContent();
        assertTrue(content instanceof MimeMultipart, "multipart, got " + mail.getContentType());
        String found = find((MimeMultipart) content, type);
        assertNotNull(found, "a " + type + " part");
        return found;
    }

    private static String find(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        return null;
    }
}
