package io.connectcheckout.web;

import io.connectcheckout.common.UniqueKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checkout's own secret keys when none is configured: generated at the first start
 * ({@link SecureRandom}, 256 bits) and kept in the database (table {@code checkout_key}), so
 * restarts and every instance share them and there is nothing to set up. No key has a published
 * value. Two instances starting at once on a new database both try to insert; the primary key
 * refuses the second, which reads and uses the first one's.
 */
@ApplicationScoped
public class SigningKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final Clock clock;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public SigningKeyStore(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The key of this name: the stored one, or a new random one stored now. */
    public byte[] key(String name) {
        return cache.computeIfAbsent(name, n -> decode(stored(n).orElseGet(() -> insertOrReread(n, newKey())))).clone();
    }

    /** Stores {@code candidate} under {@code name} unless a key of that name exists: the stored key wins. */
    String insertOrReread(String name, String candidate) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("insert into checkout_key (name, key_value, created_at) values (?1, ?2, ?3)")
                    .setParameter(1, name)
                    .setParameter(2, candidate)
                    .setParameter(3, Timestamp.from(clock.instant()))
                    .executeUpdate());
            return candidate;
        } catch (RuntimeException e) {
            if (!UniqueKeys.refused(e)) {
                throw e;
            }
            // Another instance stored its key first: use that one.
            return stored(name).orElseThrow(() -> e);
        }
    }

    Optional<String> stored(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> values = entityManager
                    .createNativeQuery("select key_value from checkout_key where name = ?1", String.class)
                    .setParameter(1, name)
                    .getResultList();
            return values.stream().findFirst();
        });
    }

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(String stored) {
        return Base64.getDecoder().decode(stored);
    }
}
