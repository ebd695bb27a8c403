package io.connectcheckout.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.connectid.sandbox.SandboxSeeder;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The start-up guard's decision (issue 12, item 3), without a Quarkus start: a production start
 * (https, or the stand-ins off) with any published secret in use is refused with one line naming
 * each setting; a development start on plain http with the stand-ins is not.
 */
class PublishedSecretsGuardTest {

    private static final String PUBLISHED_SIGNING_KEY = "dev-only-signing-key-change-me-in-production";

    @Test
    void aDevelopmentStartMayUseThePublishedTestKeys() {
        assertThat(PublishedSecrets.refusals(start(false, true, true, shipped(), demoPublisherRow())), empty());
    }

    @Test
    void aProductionStartWithItsOwnSecretsStarts() {
        Map<String, String> settings = Map.of("checkout.signing-key", "a-long-random-value-nobody-published-0123456789");
        Map<String, String> rows = Map.of("publisher 'avis' connectid_client_secret", "s3cret-of-avis",
                "publisher 'avis' psp_api_key", "psp_live_avis");
        assertThat(PublishedSecrets.refusals(start(true, false, false, settings, rows)), empty());
        assertThat(PublishedSecrets.refusals(start(false, false, false, Map.of(), rows)), empty());
    }

    @Test
    void thePublishedSigningKeyIsRefusedOverHttpsAndWithTheStandInsOff() {
        Map<String, String> settings = Map.of("checkout.signing-key", PUBLISHED_SIGNING_KEY);
        assertThat(PublishedSecrets.refusals(start(true, false, false, settings, Map.of())), contains("checkout.signing-key"));
        assertThat(PublishedSecrets.refusals(start(false, false, false, settings, Map.of())), contains("checkout.signing-key"));
    }

    @Test
    void aPublisherWithTheDemoSecretsIsRefused() {
        List<String> refusals = PublishedSecrets.refusals(start(false, false, false, Map.of(), demoPublisherRow()));
        assertThat(refusals, contains("publisher 'demo' connectid_client_secret", "publisher 'demo' psp_api_key",
                "publisher 'demo' psp_callback_secret"));
    }

    @Test
    void seedingTheDemoPublisherInProductionIsRefused() {
        assertThat(PublishedSecrets.refusals(start(false, false, true, Map.of(), Map.of())),
                contains("checkout.demo-publisher.enabled (seeds published secrets)"));
    }

    @Test
    void httpsWithTheStandInsOnNamesEveryPublishedTestKey() {
        List<String> refusals = PublishedSecrets.refusals(start(true, true, false, shipped(), Map.of()));
        assertThat(refusals, hasItem("sandbox.enabled (its demo client has a published secret)"));
        assertThat(refusals, hasItems(PublishedSecrets.SANDBOX_SETTINGS.toArray(String[]::new)));
        assertThat(refusals, not(hasItem("checkout.signing-key")));
    }

    @Test
    void theMessageIsOneLineThatNamesTheSettingsAndNoSecret() {
        Map<String, String> settings = Map.of("checkout.signing-key", PUBLISHED_SIGNING_KEY);
        String message = PublishedSecrets.message(PublishedSecrets.refusals(
                start(true, false, false, settings, demoPublisherRow())));
        assertThat(message, not(containsString("\n")));
        assertThat(message, containsString("checkout.signing-key"));
        assertThat(message, containsString("publisher 'demo' connectid_client_secret"));
        for (String published : PublishedSecrets.VALUES) {
            assertThat(message, not(containsString(published)));
        }
    }

    /** The list of published values cannot fall behind the shipped defaults or the seeded demo client. */
    @Test
    void everySecretDefaultShippedIsKnownAsPublished() throws IOException {
        Map<String, String> defaults = shippedSecretDefaults();
        assertTrue(defaults.size() >= 8, "found the secret settings: " + defaults.keySet());
        defaults.forEach((name, value) -> assertTrue(PublishedSecrets.VALUES.contains(value),
                name + "'s published default is in PublishedSecrets.VALUES"));
        assertThat(PublishedSecrets.VALUES, hasItems(SandboxSeeder.DEMO_CLIENT_SECRET, PUBLISHED_SIGNING_KEY));
        for (String name : defaults.keySet()) {
            if (name.startsWith("sandbox.")) {
                assertThat(PublishedSecrets.SANDBOX_SETTINGS, hasItem(name));
            }
        }
    }

    private static PublishedSecrets.Start start(boolean secure, boolean sandbox, boolean demoPublisher,
            Map<String, String> settings, Map<String, String> publisherSecrets) {
        return new PublishedSecrets.Start(secure, sandbox, demoPublisher,
                name -> Optional.ofNullable(settings.get(name)), publisherSecrets);
    }

    private static Map<String, String> demoPublisherRow() {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        row.put("publisher 'demo' connectid_client_secret", "demo-secret");
        row.put("publisher 'demo' psp_api_key", "psp_test_demo_key");
        row.put("publisher 'demo' psp_callback_secret", "whsec_demo");
        return row;
    }

    /** The settings as the shipped application.properties defaults them. */
    private static Map<String, String> shipped() {
        try {
            return shippedSecretDefaults();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every setting named like a key or secret with a non-empty {@code ${ENV:default}} in the shipped file. */
    private static Map<String, String> shippedSecretDefaults() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = PublishedSecretsGuardTest.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        Pattern withDefault = Pattern.compile("\\$\\{[A-Z0-9_]+:([^}]*)}");
        Map<String, String> defaults = new HashMap<>();
        for (String name : shipped.stringPropertyNames()) {
            Matcher m = withDefault.matcher(shipped.getProperty(name));
            if (!name.startsWith("%") && name.matches(".*(key|secret).*") && m.matches() && !m.group(1).isEmpty()) {
                defaults.put(name, m.group(1));
            }
        }
        return defaults;
    }
}
