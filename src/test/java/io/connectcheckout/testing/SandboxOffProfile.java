package io.connectcheckout.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Production's {@code sandbox.enabled=false}: the ConnectID and payment sandboxes answer 404 and
 * seed nothing. Its tests share one application start, on an in-memory H2 database of its own
 * that nothing was ever seeded into (on PostgreSQL, Flyway cleans it at the start).
 */
public class SandboxOffProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sandbox.enabled", "false", "test-suite.h2-database", "checkout-sandbox-off");
    }
}
