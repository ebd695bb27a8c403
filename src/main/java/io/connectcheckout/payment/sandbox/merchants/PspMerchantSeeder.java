package io.connectcheckout.payment.sandbox.merchants;

import io.connectcheckout.payment.sandbox.PspConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds the sandbox's two merchants (ConnectID sandbox, demo publisher) when it has none yet,
 * and only while the sandboxes are enabled. Their return and callback hosts default to the host
 * of the sandbox's own {@code sandbox.psp.public-url}.
 */
@ApplicationScoped
public class PspMerchantSeeder {

    private static final Logger LOG = Logger.getLogger(PspMerchantSeeder.class);

    private final boolean sandboxEnabled;
    private final PspConfig config;

    public PspMerchantSeeder(@ConfigProperty(name = "sandbox.enabled", defaultValue = "true") boolean sandboxEnabled,
            PspConfig config) {
        this.sandboxEnabled = sandboxEnabled;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!sandboxEnabled) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(this::seedIfEmpty);
        } catch (PersistenceException raceWithAnotherInstance) {
            LOG.debug("Payment sandbox merchants already seeded by another instance");
        }
    }

    void seedIfEmpty() {
        if (PspMerchant.count() > 0) {
            return;
        }
        seed("connectid-sandbox", config.connectId());
        seed("demo", config.demo());
        LOG.info("Seeded the payment sandbox merchants");
    }

    private void seed(String slug, PspConfig.Merchant settings) {
        // In the one process every merchant is served from the sandbox's own host.
        String defaultHost = URI.create(config.publicUrl()).getHost();
        PspMerchant merchant = new PspMerchant();
        merchant.slug = slug;
        merchant.name = settings.name();
        merchant.apiKeyHash = PspMerchant.hashKey(settings.apiKey());
        merchant.callbackSecret = settings.callbackSecret();
        merchant.returnHosts = hosts(settings.returnHosts(), defaultHost);
        merchant.callbackHosts = hosts(settings.callbackHosts(), defaultHost);
        merchant.brandColor = settings.brandColor().filter(PspMerchant::isColor).orElse(null);
        merchant.brandTextColor = settings.brandTextColor().filter(PspMerchant::isColor).orElse(null);
        merchant.supportEmail = settings.supportEmail().orElse(null);
        merchant.termsUrl = settings.termsUrl().orElse(null);
        merchant.walletName = settings.walletName();
        merchant.createdAt = Instant.now();
        merchant.persist();
    }

    private static String hosts(Optional<List<String>> configured, String fallback) {
        return String.join(",", configured.orElse(List.of(fallback)));
    }
}
