package io.connectcheckout.testing;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts each test class of {@link FaultProfile} as after a fresh start and a first page: both
 * switches up, ConnectID answering the offer page, and every circuit breaker closed with an empty
 * window, whatever the class before it left open. The first calls of an application pay for class
 * loading and compilation, and on a loaded machine may take longer than the profile's 1 s
 * timeouts; they are made here, not in a test that counts them.
 *
 * <p>Checkouts that earlier classes left between steps (a failed test leaves some) are moved out
 * of the reconciliation's reach: with {@code stuck-after=PT0S} a round takes every idle checkout,
 * and a test that counts the calls a round makes would count theirs, so one failure would fail
 * the classes after it too. A class of its own on an empty database had none.
 *
 * <p>Register with {@code @ExtendWith(FaultIsolation.class)} after {@code @QuarkusTest}.
 */
public final class FaultIsolation implements BeforeAllCallback {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ConnectIdSwitch.WIRE.up();
        PaymentSwitch.WIRE.up();
        CircuitBreakerMaintenance circuits = Arc.container().instance(CircuitBreakerMaintenance.class).get();
        circuits.resetAll();
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        awaitOfferPage(URI.create("http://localhost:" + port + Checkouts.OFFER));
        circuits.resetAll();
        parkEarlierCheckouts();
    }

    private static void parkEarlierCheckouts() {
        Instant later = Instant.now().plus(Duration.ofDays(1));
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("update checkout_session set updated_at = :later")
                .setParameter("later", later)
                .executeUpdate());
    }

    private static void awaitOfferPage(URI offer) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(PATIENCE);
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            try {
                status = http.send(HttpRequest.newBuilder(offer).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the next round
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the offer page did not answer 200 within " + PATIENCE + " (last: " + status + ")");
    }
}
