package io.connectcheckout.payment.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectcheckout.testing.OwnSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The payment sandbox starts on its own settings alone (none of {@code checkout.*}), and their
 * defaults keep the one-process app as it was: the hosted page at the local origin, port 8080 as
 * the jar runs and 8181 in the tests.
 */
class OwnSettingsTest {

    @Test
    void asTheJarRunsTheHostedPageIsAtTheLocalOrigin() {
        PspConfig psp = OwnSettings.load("prod", PspConfig.class, "sandbox.psp.").getConfigMapping(PspConfig.class);
        assertEquals("http://localhost:8080", psp.publicUrl());
        assertEquals("Dagsavisen Demo", psp.demo().name());
        assertEquals(Optional.empty(), psp.demo().returnHosts(), "defaults to the host of the sandbox's own URL");
    }

    @Test
    void inTheTestsTheHostedPageIsAtTheTestPort() {
        PspConfig psp = OwnSettings.load("test", PspConfig.class, "sandbox.psp.").getConfigMapping(PspConfig.class);
        assertEquals("http://localhost:8181", psp.publicUrl());
    }
}
