package io.connectcheckout.checkout;

import io.connectcheckout.common.Money;
import io.connectcheckout.publisher.Brand;
import io.connectcheckout.publisher.Publisher;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The two messages a withdrawal sends, queued with it (issue 14 item 4): the acknowledgement to
 * the shopper, on a durable medium and with the date and time it was received (CRD art. 11(3)),
 * in their language; and the notice to the publisher's support address, in the publisher's
 * language, saying what the checkout did and what is theirs to do (stop the subscription; refund
 * a card paid at ConnectID; cancel or reduce an invoice).
 */
@ApplicationScoped
public class WithdrawalMail {

    private static final Logger LOG = Logger.getLogger(WithdrawalMail.class);

    /** The shopper's acknowledgement, formatted for its language. */
    public record Acknowledgement(String firstName, String at, String orderNumber, String product, String publisher,
            String effect, Brand brand, String lang) {
    }

    /** The publisher's notice, formatted for its language. */
    public record Notice(String at, String orderNumber, String reference, String product, String price,
            String payerName, String payerContact, boolean paid, boolean proportional, boolean invoice,
            boolean charged, String charge, boolean byProvider, boolean refunds, String refund, Brand brand,
            String lang) {
    }

    @CheckedTemplate(basePath = "mail/checkout")
    static class Templates {
        static native TemplateInstance withdrawalConfirmationText(Acknowledgement view);

        static native TemplateInstance withdrawalConfirmationHtml(Acknowledgement view);

        static native TemplateInstance withdrawalNoticeText(Notice view);

        static native TemplateInstance withdrawalNoticeHtml(Notice view, String text);
    }

    /** Queues both messages of withdrawal {@code w} from {@code s}, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(CheckoutSession s, Withdrawal w, Instant now) {
        Publisher publisher = s.publisher();
        try {
            if (s.payer().email() != null) {
                Locale locale = Locale.forLanguageTag(s.locale() == null ? publisher.defaultLocale : s.locale());
                Acknowledgement ack = new Acknowledgement(s.payer().firstName(), ShopperTime.dateTime(now, locale),
                        String.valueOf(s.attempt().connectIdOrderId()), s.offer().title(locale), publisher.name,
                        effect(s, w, locale), Brand.of(publisher), locale.getLanguage());
                CheckoutMail.queue(s.id(), CheckoutMail.WITHDRAWAL_CONFIRMATION, s.payer().email(), locale,
                        publisher.supportEmail, MailTexts.of(locale).withdrawn_subject(ack.orderNumber()),
                        Templates.withdrawalConfirmationText(ack).setLocale(locale).render(),
                        Templates.withdrawalConfirmationHtml(ack).setLocale(locale).render(), now);
            }
            if (publisher.supportEmail != null) {
                Locale locale = Locale.forLanguageTag(publisher.defaultLocale == null ? "en" : publisher.defaultLocale);
                Notice notice = notice(s, w, now, locale);
                String text = Templates.withdrawalNoticeText(notice).setLocale(locale).render();
                CheckoutMail.queue(s.id(), CheckoutMail.WITHDRAWAL_NOTICE, publisher.supportEmail, locale,
                        s.payer().email(), MailTexts.of(locale).notice_subject(notice.orderNumber(), s.reference()),
                        text, Templates.withdrawalNoticeHtml(notice, text).setLocale(locale).render(), now);
            }
        } catch (io.quarkus.qute.TemplateException e) {
            // The withdrawal stands without its messages; the timeline and the support view still show it.
            LOG.warnf("Withdrawal messages of checkout %s could not be written: %s", s.reference(), e.toString());
        }
    }

    /** What the withdrawal does with the shopper's money, in {@code locale}. */
    static String effect(CheckoutSession s, Withdrawal w, Locale locale) {
        WithdrawalTerms terms = new WithdrawalTerms(w.basis(), s.terms().amountMinor(), w.paidMinor, w.chargeMinor,
                w.refundMinor, w.daysHad == null ? 0 : w.daysHad);
        return WithdrawalTexts.effect(MessageBundles.get(CheckoutMessages.class, Localized.Literal.of(locale.getLanguage())),
                terms, w.refundBy(), w.currency, s.publisher().name, locale);
    }

    private static Notice notice(CheckoutSession s, Withdrawal w, Instant now, Locale locale) {
        Payer p = s.payer();
        String contact = p.email() != null ? p.email() + (p.mobile() != null ? ", " + p.mobile() : "") : p.mobile();
        boolean invoice = w.basis() == WithdrawalTerms.Basis.NOTHING_PAID;
        return new Notice(ShopperTime.dateTime(now, locale), String.valueOf(s.attempt().connectIdOrderId()), s.reference(),
                s.offer().title(locale), s.terms().price().format(locale), p.firstName() + " " + p.lastName(), contact,
                w.paidMinor > 0, w.basis() == WithdrawalTerms.Basis.PROPORTIONAL, invoice, w.chargeMinor > 0,
                Money.ofMinor(w.chargeMinor, w.currency).format(locale), w.refundBy() == Withdrawal.RefundBy.PROVIDER,
                w.refundMinor > 0, w.refund().format(locale), Brand.of(s.publisher()), locale.getLanguage());
    }

}
