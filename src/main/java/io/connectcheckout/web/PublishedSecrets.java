package io.connectcheckout.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which secrets in use are published (in this repository, its docs or the stand-ins' seeds), and
 * whether a start must be refused for them. A production start ({@code checkout.web.secure=true},
 * or the stand-ins off) refuses every published value; a development or demo start on plain
 * http with the stand-ins may use them. Values are compared, not setting names, so a published
 * value copied into another setting or a publisher's row is found too.
 */
public final class PublishedSecrets {

    /**
     * Every secret value ever published with the product: the old default signing key, the
     * stand-ins' documented test keys (application.properties) and the demo client's secret
     * (SandboxSeeder, DemoPublisherSeeder). PublishedSecretsGuardTest checks that every secret
     * default in the shipped application.properties is here.
     */
    static final Set<String> VALUES = Set.of(
            "dev-only-signing-key-change-me-in-production",
            "demo-secret",
            "psp_test_connectid_key", "whsec_connectid_sandbox",
            "psp_test_demo_key", "whsec_demo");

    /** The checkout's own secret settings: checked in every production start. */
    static final List<String> CHECKOUT_SETTINGS = List.of("checkout.signing-key");

    /** The stand-ins' secret settings: in use (and checked) only while the stand-ins are on. */
    static final List<String> SANDBOX_SETTINGS = List.of(
            "sandbox.psp.connectid.api-key", "sandbox.psp.connectid.callback-secret",
            "sandbox.psp.demo.api-key", "sandbox.psp.demo.callback-secret",
            "sandbox.connectid.payment.api-key", "sandbox.connectid.payment.callback-secret",
            "sandbox.connectid.demo-client.psp-api-key", "sandbox.connectid.demo-client.psp-callback-secret");

    private PublishedSecrets() {
    }

    /** What a start runs with, as far as secrets go. */
    record Start(boolean secure, boolean sandboxEnabled, boolean demoPublisherEnabled,
            Function<String, Optional<String>> setting, Map<String, String> publisherSecrets) {
    }

    /**
     * The settings that hold a published secret in a production start, in the order to report
     * them; empty when the start is not a production one or uses none.
     *
     * @param start {@code publisherSecrets} maps "publisher 'slug' column" to the stored value
     */
    static List<String> refusals(Start start) {
        if (!start.secure() && start.sandboxEnabled()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        List<String> settings = new ArrayList<>(CHECKOUT_SETTINGS);
        if (start.sandboxEnabled()) {
            settings.addAll(SANDBOX_SETTINGS);
            // The stand-in's demo client is seeded with its published secret (SandboxSeeder).
            found.add("sandbox.enabled (its demo client has a published secret)");
        }
        for (String name : settings) {
            if (start.setting().apply(name).filter(VALUES::contains).isPresent()) {
                found.add(name);
            }
        }
        if (start.demoPublisherEnabled()) {
            found.add("checkout.demo-publisher.enabled (seeds published secrets)");
        }
        start.publisherSecrets().forEach((where, value) -> {
            if (VALUES.contains(value)) {
                found.add(where);
            }
        });
        return found;
    }

    /** The one line a refused start prints. */
    static String message(List<String> refusals) {
        return "Refusing to start: a production start (checkout.web.secure=true or sandbox.enabled=false) uses published "
                + "secrets; set your own values for: " + String.join(", ", refusals);
    }
}
