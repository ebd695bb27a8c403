package io.connectcheckout.payment.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.common.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With the provider unreachable, every call fails fast with PaymentUnavailableException, never hangs or leaks. */
@QuarkusTest
@TestProfile(SandboxPaymentProviderFaultTest.Unreachable.class)
class SandboxPaymentProviderFaultTest {

    /** Points the REST client at a port nobody listens on. */
    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.psp.url", "http://127.0.0.1:" + freePort(),
                    "quarkus.rest-client.psp.connect-timeout", "500");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final PaymentAccount DEMO = new PaymentAccount("psp_test_demo_key", "whsec_demo");

    @Inject
    PaymentProvider provider;

    @Test
    void anUnreachableProviderIsUnavailableWithinSeconds() {
        long start = System.nanoTime();
        assertThrows(PaymentUnavailableException.class, () -> provider.start(DEMO,
                new PaymentRequest("order-1", Money.of("10.00", "NOK"), "x", PaymentMethod.CARD,
                        URI.create("http://localhost/back"), null, false), UUID.randomUUID().toString()));
        assertThrows(PaymentUnavailableException.class, () -> provider.get(DEMO, "pay_1"));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "took too long");
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndStillSurfaceAsUnavailable() {
        for (int i = 0; i < 6; i++) {
            assertThrows(PaymentUnavailableException.class,
                    () -> provider.capture(DEMO, "pay_1", UUID.randomUUID().toString()));
        }
        PaymentUnavailableException open = assertThrows(PaymentUnavailableException.class,
                () -> provider.capture(DEMO, "pay_1", UUID.randomUUID().toString()));
        assertTrue(open.getCause() instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException,
                String.valueOf(open.getCause()));
    }
}
