package io.connectcheckout.connectid.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectcheckout.testing.OwnSettings;
import io.smallrye.config.SmallRyeConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ConnectID sandbox starts on its own settings alone (none of {@code checkout.*}), and their
 * defaults keep the one-process app as it was: everything at the local origin, port 8080 as the
 * jar runs and 8181 in the tests.
 */
class OwnSettingsTest {

    private static final String[] OWN = {"sandbox.connectid.", "quarkus.rest-client.connectid-sandbox-psp."};

    @Test
    void asTheJarRunsEverythingIsAtTheLocalOrigin() {
        SmallRyeConfig config = OwnSettings.load("prod", ConnectIdSandboxConfig.class, OWN);
        ConnectIdSandboxConfig sandbox = config.getConfigMapping(ConnectIdSandboxConfig.class);
        assertEquals("http://localhost:8080", sandbox.publicUrl());
        assertEquals(List.of("http://localhost:8080/checkout/auth/callback"), sandbox.demoClient().redirectUris());
        assertEquals(List.of("localhost", "demo.connectcheckout.io"), sandbox.demoClient().returnHosts());
        assertEquals("http://localhost:8080",
                config.getValue("quarkus.rest-client.connectid-sandbox-psp.url", String.class));
    }

    @Test
    void inTheTestsEverythingIsAtTheTestPort() {
        SmallRyeConfig config = OwnSettings.load("test", ConnectIdSandboxConfig.class, OWN);
        ConnectIdSandboxConfig sandbox = config.getConfigMapping(ConnectIdSandboxConfig.class);
        assertEquals("http://localhost:8181", sandbox.publicUrl());
        assertEquals(List.of("http://localhost:8181/checkout/auth/callback"), sandbox.demoClient().redirectUris());
        assertEquals("http://localhost:8181",
                config.getValue("quarkus.rest-client.connectid-sandbox-psp.url", String.class));
    }
}
