package io.connectcheckout.checkout;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.connectcheckout.connectid.sandbox.SandboxSeeder;
import io.connectcheckout.connectid.sandbox.messages.OutboxWorker;
import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, item 7: a guest's receipt does not tell whoever typed an e-mail address whether it
 * has a ConnectID account; the same words for both, and only the message sent to that address
 * says which it is (choose a password, or log in).
 */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class GuestReceiptPrivacyTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxWorker outbox;

    @Test
    void theReceiptSaysTheSameWhetherOrNotTheAddressHasAnAccount() {
        String newcomer = "newcomer." + System.nanoTime() + "@example.no";
        String existing = SandboxSeeder.DEMO_EMAIL;
        int existingMailsBefore = mailbox.getMailsSentTo(existing).size();

        String forNewcomer = accountLine(Checkouts.completedInvoiceCheckout(newcomer), newcomer);
        String forExisting = accountLine(Checkouts.completedInvoiceCheckout(existing), existing);
        assertEquals(forNewcomer, forExisting);
        assertThat(forNewcomer, containsString("<address>"));

        outbox.sendDue();
        // Issue 14 item 9: an English shopper's message is English (the language travels to Assign user).
        assertEquals("Choose a password for Dagsavisen Demo", last(mailbox.getMailsSentTo(newcomer)).getSubject());
        List<Mail> toExisting = mailbox.getMailsSentTo(existing);
        assertEquals(existingMailsBefore + 1, toExisting.size());
        assertEquals("Log in to Dagsavisen Demo", last(toExisting).getSubject());
    }

    @Test
    void inNorwegianToo() {
        String newcomer = "nykommer." + System.nanoTime() + "@example.no";
        Shopper shopper = Checkouts.completedInvoiceCheckout(newcomer);
        Element line = shopper.open("/checkout/receipt?lang=nb").document().selectFirst(".receipt__next");
        assertNotNull(line);
        assertThat(line.text(), containsString("Vi har sendt en melding til " + newcomer));
    }

    /** Issue 14 item 9: a Norwegian shopper's set-password message is Norwegian. */
    @Test
    void aNorwegianShoppersMessageIsNorwegian() {
        String newcomer = "norsk." + System.nanoTime() + "@example.no";
        Shopper shopper = new Shopper("nb");
        shopper.open(Checkouts.OFFER);
        shopper.submitAndFollow("form[action='" + Checkouts.OFFER + "']", java.util.Map.of("paymentOption", "invoice"),
                "mode=guest");
        shopper.submitAndFollow("form[action='/checkout/details']", Checkouts.payer(newcomer), null);
        shopper.submitAndFollow("form[action='/checkout/confirm']", java.util.Map.of(), null);
        outbox.sendDue();
        assertEquals("Velg passord hos Dagsavisen Demo", last(mailbox.getMailsSentTo(newcomer)).getSubject());
    }

    /** The receipt's line about the account, with the address itself replaced. */
    private static String accountLine(Shopper shopper, String email) {
        Element line = shopper.page().document().selectFirst(".receipt__next");
        assertNotNull(line, "the receipt says how to reach the account");
        assertThat(line.text(), containsString(email));
        return line.text().replace(email, "<address>");
    }

    private static Mail last(List<Mail> mails) {
        assertNotNull(mails);
        return mails.get(mails.size() - 1);
    }
}
