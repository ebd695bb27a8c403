package io.connectcheckout.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's management interface under test: health, metrics and OpenAPI, on their own
 * port ({@code quarkus.management.test-port}), never on the shoppers' one.
 */
public final class Management {

    private Management() {
    }

    /** The management port of the application under test (Quarkus' default for tests: 9001). */
    public static int port() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
    }

    /** An absolute URL on the management interface, e.g. {@code url("/q/health/ready")}. */
    public static String url(String path) {
        return "http://localhost:" + port() + path;
    }
}
