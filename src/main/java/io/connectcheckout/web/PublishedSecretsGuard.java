package io.connectcheckout.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses a production start that uses a published secret ({@link PublishedSecrets}), before
 * anything is seeded or scheduled. The refusal is a {@link ConfigurationException}: Quarkus prints its message
 * as one line, without a stack trace, and exits. Test starts are exempt: the suite runs production
 * settings (https, stand-ins off) against the stand-ins' published test keys on purpose.
 */
@ApplicationScoped
public class PublishedSecretsGuard {

    private static final String[] PUBLISHER_COLUMNS = {"connectid_client_secret", "psp_api_key", "psp_callback_secret"};

    private final Config config;
    private final CheckoutConfig checkout;
    private final EntityManager entityManager;

    public PublishedSecretsGuard(Config config, CheckoutConfig checkout, EntityManager entityManager) {
        this.config = config;
        this.checkout = checkout;
        this.entityManager = entityManager;
    }

    /** Before the platform's own start-up work (the scheduler's jobs), so a refused start runs nothing. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            return;
        }
        List<String> refusals = PublishedSecrets.refusals(start());
        if (!refusals.isEmpty()) {
            throw new ConfigurationException(PublishedSecrets.message(refusals));
        }
    }

    PublishedSecrets.Start start() {
        boolean sandbox = config.getOptionalValue("sandbox.enabled", Boolean.class).orElse(true);
        return new PublishedSecrets.Start(checkout.web().secure(), sandbox, checkout.demoPublisher().enabled(),
                name -> config.getOptionalValue(name, String.class), publisherSecrets());
    }

    private Map<String, String> publisherSecrets() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> secrets = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(
                    "select slug, connectid_client_secret, psp_api_key, psp_callback_secret from publisher order by slug")
                    .getResultList();
            for (Object[] row : rows) {
                for (int i = 0; i < PUBLISHER_COLUMNS.length; i++) {
                    if (row[i + 1] != null) {
                        secrets.put("publisher '" + row[0] + "' " + PUBLISHER_COLUMNS[i], row[i + 1].toString());
                    }
                }
            }
            return secrets;
        });
    }
}
