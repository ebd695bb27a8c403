package io.connectcheckout.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one application start the fault tests share (the suite has three: the default one, this,
 * and {@link SandboxOffProfile}). Both wires run through a switch ({@link ConnectIdSwitch},
 * {@link PaymentSwitch}) that the tests turn down, slow or cut; fault tolerance answers within
 * seconds instead of production's minutes; the reconciliation job takes every idle checkout at
 * once ({@code stuck-after=PT0S}, until an injected clock replaces it); and an unanswered
 * Register order holds its claim for {@link #STEP_LEASE}.
 *
 * <p>It also runs as production does over https ({@code checkout.web.secure=true}, the
 * {@code __Host-csrf-token} cookie), so that {@code ProductionSecurityTest} needs no start of its
 * own: the sandbox-off start cannot serve it, its offer page needs ConnectID.
 *
 * <p>Every fault-tolerance key the tests set is here, and only here: they name the classes that
 * carry the annotations, so a renamed class is renamed once. Each class's tests start with closed
 * circuits and both switches up ({@link FaultIsolation}); its database is its own in-memory H2
 * database, apart from the default start's (on PostgreSQL, Flyway cleans it at the start).
 */
public class FaultProfile implements QuarkusTestProfile {

    /** Timeout of one ConnectID call (production: 8 s). */
    public static final Duration CONNECTID_TIMEOUT = Duration.ofSeconds(1);
    /** How long ConnectID's open circuit stays open (production: 10 s). */
    public static final Duration CONNECTID_BREAKER_DELAY = Duration.ofSeconds(2);
    /** Timeout of one call to the payment provider (production: 8 s). */
    public static final Duration PSP_TIMEOUT = Duration.ofSeconds(1);
    /** How long the payment provider's open circuits stay open (production: 10 s). */
    public static final Duration PSP_BREAKER_DELAY = Duration.ofSeconds(2);
    /** How long an unanswered Register order keeps its claim (production: 60 s). */
    public static final Duration STEP_LEASE = Duration.ofSeconds(6);

    private static final String CONNECTID_CALLS = "io.connectcheckout.connectid.client.ConnectIdCalls";
    private static final String PSP_CALLS = "io.connectcheckout.payment.client.SandboxPspCalls";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        // MicroProfile Fault Tolerance keys. ConnectIdCalls' annotations are on the class (unit: seconds).
        config.put(CONNECTID_CALLS + "/Timeout/value", String.valueOf(CONNECTID_TIMEOUT.toSeconds()));
        config.put(CONNECTID_CALLS + "/CircuitBreaker/delay", String.valueOf(CONNECTID_BREAKER_DELAY.toSeconds()));
        // SandboxPspCalls' are on its methods (unit: milliseconds).
        for (String method : List.of("create", "get", "capture")) {
            config.put(PSP_CALLS + "/" + method + "/Timeout/value", String.valueOf(PSP_TIMEOUT.toMillis()));
            config.put(PSP_CALLS + "/" + method + "/CircuitBreaker/delay", String.valueOf(PSP_BREAKER_DELAY.toMillis()));
        }
        config.put("checkout.reconciliation.stuck-after", "PT0S");
        config.put("checkout.step-lease", STEP_LEASE.toString());
        // As the deploy notes say: CHECKOUT_WEB_SECURE=true, CHECKOUT_CSRF_COOKIE=__Host-csrf-token.
        config.put("checkout.web.secure", "true");
        config.put("quarkus.rest-csrf.cookie-name", "__Host-csrf-token");
        config.put("test-suite.h2-database", "checkout-faults");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ConnectIdSwitch.class), new TestResourceEntry(PaymentSwitch.class));
    }
}
