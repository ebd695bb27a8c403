package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.OFFER;
import static io.connectcheckout.testing.Checkouts.atWalletApproval;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.payer;
import static io.connectcheckout.testing.Checkouts.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectcheckout.payment.client.PaymentDetails;
import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.payment.client.PaymentState;
import io.connectcheckout.publisher.Publisher;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.MutableClock;
import io.connectcheckout.testing.Shopper;
import io.connectcheckout.testing.SmtpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14 item 4, the withdrawal function: reached from the receipt and the confirmation e-mail
 * in any browser, a confirm step, then the acknowledgement (page and e-mail, with the date and
 * time) and the publisher told; a prepaid payment refunded once, in full without the express
 * request to start at once, less the whole days had with it; an invoice refunds nothing; past the
 * period nothing changes; a forged or borrowed link opens nothing.
 */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class WithdrawalTest {

    @Inject
    PaymentProvider payments;

    @Inject
    CheckoutMailWorker mail;

    @Test
    void aPrepaidOrderWithdrawnFromTheEMailIsRefundedInFullOnceAndEveryoneIsTold() throws Exception {
        String email = "withdraw.full." + System.nanoTime() + "@example.no";
        Shopper shopper = paidWithVipps(email, false);
        CheckoutSession done = session(shopper);
        String link = withdrawalLinkFromTheMail(email);

        // Another browser, no cookie: the confirm step says what happens, and changes nothing yet.
        Shopper elsewhere = new Shopper();
        Shopper.Page confirm = elsewhere.open(link);
        assertEquals(200, confirm.status());
        assertThat(confirm.document().getElementById("withdraw-effect").text(),
                containsString("We refund " + done.terms().price().format(java.util.Locale.ENGLISH)
                        + " to the payment method you used"));
        assertEquals(0, events(done, "withdrawn"));

        Shopper.Page ack = elsewhere.submitAndFollow("form[action^='/checkout/withdrawal/']", Map.of(), null);
        assertEquals(200, ack.status());
        assertThat(ack.document().getElementById("withdrawn-at").text(), containsString("We received your withdrawal"));
        // Pressed again (Back, another tab): still one withdrawal, one refund.
        elsewhere.back(confirm);
        elsewhere.submitAndFollow("form[action^='/checkout/withdrawal/']", Map.of(), null);
        assertEquals(1, events(done, "withdrawn"));
        assertEquals(1, events(done, "withdrawal_refunded"));
        // Found by the outside attack of stop 23: the receipt still read "Thank you for your order".
        Shopper.Page receipt = shopper.open("/checkout/receipt");
        assertNotNull(receipt.document().getElementById("receipt-withdrawn"), "the receipt says it was withdrawn");
        assertNull(receipt.document().getElementById("withdraw"), "no withdrawal link any more");
        assertNull(receipt.document().getElementById("terms-renewal"), "nothing renews");
        PaymentDetails payment = payment(done);
        assertEquals(PaymentState.REFUNDED, payment.state());
        assertEquals(payment.captured(), payment.refunded());

        MimeMessage toShopper = SmtpServer.await(email, 2).get(1);
        assertThat(toShopper.getSubject(), containsString("Withdrawal received: order " + done.attempt().connectIdOrderId()));
        assertThat(text(toShopper), containsString(done.terms().price().format(java.util.Locale.ENGLISH)));
        Publisher demo = QuarkusTransaction.requiringNew().call(() -> Publisher.findBySlug("demo").orElseThrow());
        // The notice speaks the publisher's language (the demo's is Norwegian).
        java.util.function.Supplier<List<MimeMessage>> notices = () -> SmtpServer.received(demo.supportEmail).stream()
                .filter(m -> subject(m).contains(done.reference())).toList();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !notices.get().isEmpty());
        assertEquals(1, notices.get().size());
        assertThat(text(notices.get().get(0)), containsString("Stopp abonnementet på ordre " + done.attempt().connectIdOrderId()));
    }

    /** Ten tabs confirm the withdrawal at the same moment: one withdrawal, one refund, no error in the log. */
    @Test
    void tenTabsWithdrawingAtOnceWithdrawOnceAndRefundOnce() throws Exception {
        String email = "withdraw.race." + System.nanoTime() + "@example.no";
        Shopper shopper = paidWithVipps(email, false);
        CheckoutSession done = session(shopper);
        String link = shopper.page().document().getElementById("withdraw").attr("href");
        List<Shopper> tabs = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Shopper tab = new Shopper();
            tab.open(link);
            tabs.add(tab);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Shopper.Page>> answers = new java.util.ArrayList<>();
        try (io.connectcheckout.testing.ErrorLog log = io.connectcheckout.testing.ErrorLog.openWithWarnings()) {
            for (Shopper tab : tabs) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tab.submit("form[action^='/checkout/withdrawal/']", Map.of(), null);
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Shopper.Page> answer : answers) {
                assertEquals(303, answer.get(60, java.util.concurrent.TimeUnit.SECONDS).status());
            }
            pool.shutdown();
            assertEquals(List.of(), log.lines(), "no WARN or ERROR while ten tabs withdraw");
        }
        assertEquals(1, events(done, "withdrawn"));
        assertEquals(1, events(done, "withdrawal_refunded"));
        PaymentDetails payment = payment(done);
        assertEquals(PaymentState.REFUNDED, payment.state());
        assertEquals(payment.captured(), payment.refunded());
    }

    @Test
    void withTheExpressRequestTheDaysHadAreKeptAndTheRestRefunded() throws Exception {
        String email = "withdraw.part." + System.nanoTime() + "@example.no";
        Shopper shopper = paidWithVipps(email, true);
        assertNotNull(shopper.page().document().getElementById("terms-immediate-start"), "the receipt repeats the request");
        CheckoutSession done = session(shopper);
        String link = shopper.page().document().getElementById("withdraw").attr("href");
        MutableClock.advance(Duration.ofDays(3));
        Shopper.Page confirm = new Shopper().open(link);
        assertThat(confirm.document().getElementById("withdraw-effect").text(), containsString("less NOK"));
        Shopper elsewhere = new Shopper();
        elsewhere.open(link);
        elsewhere.submitAndFollow("form[action^='/checkout/withdrawal/']", Map.of(), null);
        Withdrawal w = QuarkusTransaction.requiringNew().call(() -> Withdrawal.forCheckout(done.id()).orElseThrow());
        assertEquals(WithdrawalTerms.Basis.PROPORTIONAL, w.basis());
        PaymentDetails payment = payment(done);
        assertEquals(PaymentState.PARTIALLY_REFUNDED, payment.state());
        assertEquals(w.refund(), payment.refunded());
        assertEquals(done.terms().price().minorUnits(), w.refund().minorUnits() + w.charge().minorUnits());
    }

    @Test
    void anInvoiceOrderRefundsNothingAndThePublisherCancelsTheInvoice() {
        String email = "withdraw.invoice." + System.nanoTime() + "@example.no";
        Shopper shopper = io.connectcheckout.testing.Checkouts.completedInvoiceCheckout(email);
        String link = shopper.page().document().getElementById("withdraw").attr("href");
        Shopper.Page confirm = shopper.open(link);
        assertThat(confirm.document().getElementById("withdraw-effect").text(), containsString("cancels the invoice"));
        shopper.submitAndFollow("form[action^='/checkout/withdrawal/']", Map.of(), null);
        Withdrawal w = QuarkusTransaction.requiringNew().call(() -> Withdrawal.forCheckout(session(shopper).id()).orElseThrow());
        assertEquals(Withdrawal.RefundBy.PUBLISHER, w.refundBy());
        assertEquals(0, w.refund().minorUnits());
        assertEquals(0, events(session(shopper), "withdrawal_refunded"));
    }

    @Test
    void pastThePeriodThePageSaysItEndedAndNothingChanges() {
        String email = "withdraw.late." + System.nanoTime() + "@example.no";
        Shopper shopper = io.connectcheckout.testing.Checkouts.completedInvoiceCheckout(email);
        String link = shopper.page().document().getElementById("withdraw").attr("href");
        Shopper.Page openInTime = shopper.open(link);
        assertNotNull(openInTime.document().selectFirst("form[action^='/checkout/withdrawal/']"));
        MutableClock.advance(Duration.ofDays(16));
        Shopper late = new Shopper();
        Shopper.Page ended = late.open(link);
        assertEquals(200, ended.status());
        assertNotNull(ended.document().getElementById("withdrawal-ended"));
        assertNull(ended.document().selectFirst("form[action^='/checkout/withdrawal/']"));
        // The form of a tab opened in time, sent now: the page says the period ended; nothing recorded.
        shopper.back(openInTime);
        Shopper.Page sent = shopper.submitAndFollow("form[action^='/checkout/withdrawal/']", Map.of(), null);
        assertNotNull(sent.document().getElementById("withdrawal-ended"));
        assertEquals(0, events(session(shopper), "withdrawn"));
    }

    @Test
    void aForgedOrBorrowedLinkOpensNothing() throws Exception {
        String email = "withdraw.forged." + System.nanoTime() + "@example.no";
        Shopper shopper = io.connectcheckout.testing.Checkouts.completedInvoiceCheckout(email);
        String reference = session(shopper).reference();
        Shopper stranger = new Shopper();
        assertEquals(403, stranger.get("/checkout/withdrawal/" + reference + "?sig=forged").status());
        assertEquals(403, stranger.get("/checkout/withdrawal/" + reference).status());
        // The receipt link's signature is for the receipt, not for withdrawing.
        String receipt = org.jsoup.Jsoup.parse(part(SmtpServer.await(email, 1).get(0), "text/html"))
                .getElementById("receipt-link").attr("href");
        String receiptSig = receipt.substring(receipt.indexOf("?sig=") + 5);
        assertEquals(403, stranger.get("/checkout/withdrawal/" + reference + "?sig=" + receiptSig).status());
        // Found by the outside attack of stop 23: a CSRF pair of the attacker's choosing withdrew.
        String chosen = "QUFBQUFBQUFBQUFBQUFBQQ";
        String realLink = shopper.page().document().getElementById("withdraw").attr("href");
        int tossed = io.restassured.RestAssured.given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").cookie("csrf-token", chosen)
                .formParam("csrf-token", chosen).post(realLink).statusCode();
        assertEquals(403, tossed, "a chosen CSRF pair on the withdrawal");
        assertEquals(0, events(session(shopper), "withdrawn"));
        // Without the CSRF pair, a post of the real link withdraws nothing.
        String link = shopper.page().document().getElementById("withdraw").attr("href");
        int bare = io.restassured.RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("x", "y").post(link).statusCode();
        assertEquals(400, bare / 100 * 100, "a 4xx, was " + bare);
        assertEquals(0, events(session(shopper), "withdrawn"));
    }

    private Shopper paidWithVipps(String email, boolean immediateStart) {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        shopper.submitAndFollow("form[action='" + OFFER + "']", Map.of("paymentOption", "vipps"), "mode=guest");
        Map<String, String> details = payer(email);
        if (immediateStart) {
            details.put("immediateStart", "on");
        }
        shopper.submitAndFollow("form[action='/checkout/details']", details, null);
        atWalletApproval(shopper);
        shopper.follow(shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve"));
        assertEquals(Step.COMPLETED, session(shopper).step());
        return shopper;
    }

    private static String withdrawalLinkFromTheMail(String email) throws Exception {
        MimeMessage confirmation = SmtpServer.await(email, 1).get(0);
        String html = part(confirmation, "text/html");
        String href = org.jsoup.Jsoup.parse(html).getElementById("withdrawal-link").attr("href");
        return href.replaceFirst("^http://localhost:\\d+", "");
    }

    private PaymentDetails payment(CheckoutSession s) {
        CheckoutSession loaded = QuarkusTransaction.requiringNew().call(() ->
                CheckoutStore.withWhatTheFlowNeeds(CheckoutSession.findById(s.id())));
        return payments.get(Accounts.payment(loaded.publisher()), loaded.attempt().paymentId());
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage m) throws Exception {
        return part(m, "text/plain");
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        jakarta.mail.internet.MimeMultipart multipart = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof jakarta.mail.internet.MimeMultipart nested) {
                for (int j = 0; j < nested.getCount(); j++) {
                    if (nested.getBodyPart(j).isMimeType(type)) {
                        return nested.getBodyPart(j).getContent().toString();
                    }
                }
            } else if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
