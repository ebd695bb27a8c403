package io.connectcheckout.publisher;

import io.connectcheckout.web.CheckoutConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.net.URI;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Seeds the "demo" publisher (the ConnectID sandbox's demo client and its catalogue) when the
 * database holds no publisher yet, so a fresh checkout has something to sell. Off in production.
 */
@ApplicationScoped
public class DemoPublisherSeeder {

    private static final Logger LOG = Logger.getLogger(DemoPublisherSeeder.class);

    private final CheckoutConfig config;

    public DemoPublisherSeeder(CheckoutConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.demoPublisher().enabled()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(this::seedIfEmpty);
        } catch (PersistenceException raceWithAnotherInstance) {
            // Another instance seeded first (unique slug): nothing to do.
            LOG.debug("Demo publisher already seeded by another instance");
        }
    }

    void seedIfEmpty() {
        if (Publisher.count() > 0) {
            return;
        }
        Publisher demo = new Publisher();
        demo.slug = "demo";
        demo.name = "Dagsavisen Demo";
        demo.logoUrl = null;
        demo.brandColor = "#7a1f2b";
        demo.brandTextColor = "#ffffff";
        demo.supportEmail = "kundeservice@demo.connectcheckout.io";
        demo.supportPhone = "+4722000000";
        demo.termsUrl = config.publicUrl() + "/terms-demo.html";
        demo.homeUrl = config.publicUrl() + "/";
        demo.companyName = "Dagsavisen Demo AS";
        demo.organisationNumber = "999 999 999";
        demo.postalAddress = "Postboks 1 Sentrum, 0101 Oslo";
        demo.defaultLocale = "nb";
        demo.connectIdClientId = "no.connectcheckout.demo";
        demo.connectIdClientSecret = "demo-secret";
        demo.allowedReturnHosts = URI.create(config.publicUrl()).getHost() + ",demo.connectcheckout.io";
        demo.createdAt = Instant.now();
        // The payment sandbox seeds the matching merchant.
        demo.pspApiKey = "psp_test_demo_key";
        demo.pspCallbackSecret = "whsec_demo";
        demo.persist();

        offer(demo, "digital-month", "coupon", "DIGI", "1", null, false, 1,
                "Digital – monthly", "Digital – månedlig",
                "Every article on the web and in the app. Cancel any month.",
                "Alle artikler på nett og i appen. Si opp når du vil.");
        offer(demo, "digital-year", "coupon", "DIGI", "12", null, false, 2,
                "Digital – yearly", "Digital – årlig",
                "A full year of digital access at a lower monthly price.",
                "Et helt år med digital tilgang til lavere månedspris.");
        offer(demo, "print-weekend", "coupon", "PLUS", "1", null, true, 3,
                "Weekend paper + digital", "Helgeavis + digital",
                "The printed weekend paper delivered to your door, and full digital access.",
                "Papiravisen levert på døra i helgene, og full digital tilgang.");

        option(demo, "card", "Card", "Kort", "creditcardPayex", false, 1);
        option(demo, "vipps", "Vipps", "Vipps", "vippsEcommerce", true, 2);
        option(demo, "invoice", "Invoice", "Faktura", "invoice", false, 3);
        LOG.info("Seeded the demo publisher");
    }

    private static void offer(Publisher publisher, String slug, String specType, String couponCode,
            String couponNumber, String productCode, boolean needsDelivery, int sortOrder,
            String titleEn, String titleNb, String summaryEn, String summaryNb) {
        Offer offer = new Offer();
        offer.publisher = publisher;
        offer.slug = slug;
        offer.specType = specType;
        offer.couponCode = couponCode;
        offer.couponNumber = couponNumber;
        offer.productCode = productCode;
        offer.needsDelivery = needsDelivery;
        offer.sortOrder = sortOrder;
        offer.titleEn = titleEn;
        offer.titleNb = titleNb;
        offer.summaryEn = summaryEn;
        offer.summaryNb = summaryNb;
        offer.persist();
        publisher.offers.add(offer);
    }

    private static void option(Publisher publisher, String code, String labelEn, String labelNb,
            String paymentMethod, boolean prepaid, int sortOrder) {
        PaymentOption option = new PaymentOption();
        option.publisher = publisher;
        option.code = code;
        option.labelEn = labelEn;
        option.labelNb = labelNb;
        option.paymentMethod = paymentMethod;
        option.prepaid = prepaid;
        option.sortOrder = sortOrder;
        option.persist();
        publisher.paymentOptions.add(option);
    }
}
