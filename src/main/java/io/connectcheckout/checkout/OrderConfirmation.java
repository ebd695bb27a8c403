package io.connectcheckout.checkout;

import io.connectcheckout.publisher.Brand;
import io.connectcheckout.publisher.Publisher;
import io.connectcheckout.web.CheckoutConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The order confirmation on a durable medium (issue 14 item 3; Consumer Rights Directive art. 8(7),
 * angrerettloven § 8 and § 11): what was bought, the price with VAT, what it renews at, binding,
 * start, how to cancel, the withdrawal information with the model withdrawal form (CRD Annex I
 * A and B; angrerettloven's standard angreskjema), the trader's identity and the order number, in
 * the shopper's language and the publisher's brand, text and HTML.
 *
 * <p>Queued in the transaction that completes the order, so it exists exactly when the completion
 * does, and at most once per checkout (the {@code checkout_mail} unique key; COMPLETED is final).
 * A payer who gave only a mobile number gets none: the checkout sends no SMS of its own, and the
 * timeline says so.
 */
@ApplicationScoped
public class OrderConfirmation {

    private static final Logger LOG = Logger.getLogger(OrderConfirmation.class);

    /** What the mail says, already formatted for its language (no request exists when a callback completes an order). */
    public record View(String firstName, String orderNumber, String orderedAt, String startsOn, String product,
            String publisher, String price, String vat, int periodLength, String periodType, String renewalPrice,
            Integer renewalPeriodLength, String renewalPeriodType, String payment, boolean invoice, String receiptUrl,
            Brand brand, String termsUrl, String lang, String withdrawalUrl, String withdrawalDeadline,
            boolean immediateStart, boolean digital) {
    }

    @CheckedTemplate(basePath = "mail/checkout")
    static class Templates {
        static native TemplateInstance orderConfirmationHtml(View view);

        static native TemplateInstance orderConfirmationText(View view);
    }

    private final ReturnUrls urls;
    private final CheckoutConfig config;

    public OrderConfirmation(ReturnUrls urls, CheckoutConfig config) {
        this.urls = urls;
        this.config = config;
    }

    /**
     * Writes the confirmation of checkout {@code s}, just completed at {@code now}, in the caller's
     * transaction.
     *
     * @return null when it is queued (or was already), else why not, for the timeline
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String queue(CheckoutSession s, Instant now) {
        String to = s.payer().email();
        if (to == null || to.isBlank()) {
            return "no e-mail address";
        }
        if (CheckoutMail.of(s.id(), CheckoutMail.ORDER_CONFIRMATION).isPresent()) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(s.locale() == null ? s.publisher().defaultLocale : s.locale());
        View view;
        String subject;
        String text;
        String html;
        try {
            view = view(s, now, locale);
            subject = MailTexts.of(locale).confirmation_subject(view.orderNumber(), view.product());
            text = Templates.orderConfirmationText(view).setLocale(locale).render();
            html = Templates.orderConfirmationHtml(view).setLocale(locale).render();
        } catch (RuntimeException e) {
            // Never let a message stop the order it confirms: the completion commits without it.
            LOG.warnf("Order confirmation of checkout %s could not be written: %s", s.reference(), e.toString());
            return "could not be written (see the log)";
        }
        CheckoutMail.queue(s.id(), CheckoutMail.ORDER_CONFIRMATION, to, locale, s.publisher().supportEmail, subject,
                text, html, now);
        LOG.debugf("Order confirmation of checkout %s queued", s.reference());
        return null;
    }

    private View view(CheckoutSession s, Instant now, Locale locale) {
        Publisher publisher = s.publisher();
        PriceTerms terms = s.terms();
        boolean invoice = "invoice".equals(s.paymentOption().paymentMethod);
        Instant deadline = WithdrawalTerms.deadline(now, ShopperTime.ZONE);
        return new View(s.payer().firstName(), String.valueOf(s.attempt().connectIdOrderId()), ShopperTime.dateTime(now, locale),
                ShopperTime.date(now, locale), s.offer().title(locale), publisher.name, terms.price().format(locale),
                terms.vat().format(locale), terms.periodLength(), terms.periodType(),
                terms.renewalPrice() == null ? null : terms.renewalPrice().format(locale), terms.renewalPeriodLength(),
                terms.renewalPeriodType(), s.paymentOption().label(locale), invoice,
                config.publicUrl() + urls.signedReceiptPath(s), Brand.of(publisher), publisher.termsUrl,
                locale.getLanguage(), config.publicUrl() + urls.signedWithdrawalPath(s, deadline),
                ShopperTime.dateTime(deadline.minusSeconds(60), locale), s.payer().immediateStart(), !s.offer().needsDelivery);
    }
}
