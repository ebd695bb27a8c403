package io.connectcheckout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each part's migrations (the checkout's {@code db/migration}, the sandboxes' {@code
 * db/connectid-sandbox} and {@code db/payment-sandbox}) apply alone to an empty database; a
 * database that applied V1..V7 before they were split migrates on and validates; and no applied
 * migration changes its checksum (Flyway would refuse to start against an existing database).
 *
 * <p>Plain Flyway, no application start: on a fresh in-memory H2 database, or, in the PostgreSQL
 * run ({@code -Dquarkus.test.profile=test,pg}), in a fresh schema of the PostgreSQL database that
 * the {@code pg} profile uses ({@code CHECKOUT_DB_URL}, {@code CHECKOUT_DB_USER},
 * {@code CHECKOUT_DB_PASSWORD}), dropped afterwards.
 */
class MigrationFoldersTest {

    private static final String CHECKOUT = "classpath:db/migration";
    private static final String CONNECTID = "classpath:db/connectid-sandbox";
    private static final String PAYMENT = "classpath:db/payment-sandbox";

    /** The checksums V1..V7 were applied with (read from a database the code before the split migrated). */
    private static final Map<String, Integer> APPLIED = Map.ofEntries(Map.entry("1", -1726454310),
            Map.entry("2", 125001125), Map.entry("3", 1300407903), Map.entry("3.1", 617715809),
            Map.entry("3.2", -1832782014), Map.entry("3.3", 1428651701), Map.entry("3.4", -1037786316),
            Map.entry("4", -982149190), Map.entry("5", -84764286), Map.entry("6", 1735393625),
            Map.entry("7", 1255908975));

    private static final boolean POSTGRES = System.getProperty("quarkus.test.profile", "").contains("pg");

    private final String url = POSTGRES ? env("CHECKOUT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/checkout")
            : "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final String user = POSTGRES ? env("CHECKOUT_DB_USER", "checkout") : "sa";
    private final String password = POSTGRES ? env("CHECKOUT_DB_PASSWORD", "checkout") : "";
    private final String schema = POSTGRES ? "migrations_" + UUID.randomUUID().toString().replace("-", "") : "PUBLIC";

    @AfterEach
    void dropSchema() throws SQLException {
        if (POSTGRES) {
            try (Connection db = connect(); Statement st = db.createStatement()) {
                st.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @Test
    void theCheckoutsFolderAppliesAloneAndHoldsNoSandboxTable() throws SQLException {
        flyway(null, CHECKOUT).migrate();
        Set<String> tables = tables();
        assertTrue(tables.containsAll(Set.of("publisher", "offer", "payment_option", "checkout_session",
                "payment_callback_inbox")), tables.toString());
        assertTrue(tables.stream().noneMatch(t -> t.startsWith("cid_") || t.startsWith("psp_")), tables.toString());
    }

    @Test
    void theConnectIdSandboxsFolderAppliesAloneAndHoldsOnlyItsTables() throws SQLException {
        flyway(null, CONNECTID).migrate();
        Set<String> tables = tables();
        assertTrue(tables.containsAll(Set.of("cid_client", "cid_user", "cid_order", "cid_login_code", "cid_counter")),
                tables.toString());
        assertTrue(tables.stream().allMatch(t -> t.startsWith("cid_") || t.equals("flyway_schema_history")),
                tables.toString());
    }

    @Test
    void thePaymentSandboxsFolderAppliesAlone() throws SQLException {
        flyway(null, PAYMENT).migrate();
        Set<String> tables = tables();
        assertTrue(tables.containsAll(Set.of("psp_merchant", "psp_payment", "psp_payment_event", "psp_callback",
                "psp_callback_attempt", "psp_idempotency")), tables.toString());
        // V2 keeps creating the checkout's callback inbox too: it was applied that way, and its checksum must hold.
        assertTrue(tables.stream().allMatch(t -> t.startsWith("psp_") || t.equals("payment_callback_inbox")
                || t.equals("flyway_schema_history")), tables.toString());
    }

    @Test
    void aDatabaseMigratedToV7BeforeTheSplitMigratesOnAndValidates() throws SQLException {
        // The same files under the same names (moved, not edited): what V1..V7 in one folder applied.
        flyway("7", CHECKOUT, CONNECTID, PAYMENT).migrate();
        MigrateResult later = flyway(null, CHECKOUT, CONNECTID, PAYMENT).migrate();
        assertEquals("8", later.migrations.get(0).version, "V8 first, which finds the inbox there already");
        flyway(null, CHECKOUT, CONNECTID, PAYMENT).validate();
        assertTrue(tables().contains("payment_callback_inbox"));
    }

    @Test
    void appliedMigrationsKeepTheChecksumsTheyWereAppliedWith() throws SQLException {
        flyway(null, CHECKOUT, CONNECTID, PAYMENT).migrate();
        Map<String, Integer> now = new HashMap<>();
        try (Connection db = connect(); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select \"version\", \"checksum\" from " + table("flyway_schema_history")
                        + " where \"version\" is not null")) {
            while (rs.next()) {
                now.put(rs.getString(1), rs.getInt(2));
            }
        }
        APPLIED.forEach((version, checksum) -> assertEquals(checksum, now.get(version),
                "V" + version + " changed after it was applied: existing databases would refuse to start"));
    }

    private Flyway flyway(String target, String... locations) {
        FluentConfiguration config = Flyway.configure().dataSource(url, user, password).schemas(schema)
                .locations(locations);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private Set<String> tables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection db = connect(); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select lower(table_name) from information_schema.tables "
                        + "where lower(table_schema) = lower('" + schema + "')")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private String table(String name) {
        return POSTGRES ? schema + ".\"" + name + "\"" : "\"" + name + "\"";
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
