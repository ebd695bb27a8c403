package io.connectcheckout.payment.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.common.Money;
import io.connectcheckout.testing.FaultIsolation;
import io.connectcheckout.testing.FaultProfile;
import io.connectcheckout.testing.PaymentSwitch;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With the provider unreachable, every call fails fast with PaymentUnavailableException, never hangs or leaks. */
@QuarkusTest
@TestProfile(FaultProfile.class)
@ExtendWith(FaultIsolation.class)
class SandboxPaymentProviderFaultTest {

    /** Unreachable: the switch in the wire to the provider drops every connection without an answer. */
    @BeforeEach
    void unreachable() {
        PaymentSwitch.WIRE.cut();
    }

    @AfterEach
    void restore() {
        PaymentSwitch.WIRE.up();
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
