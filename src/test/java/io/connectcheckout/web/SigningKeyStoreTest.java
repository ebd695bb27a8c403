package io.connectcheckout.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The checkout's generated keys over the real database (issue 12, item 3): 256 random bits made
 * once, the same for a restart and for another instance, and one key when two instances start at
 * once.
 */
@QuarkusTest
class SigningKeyStoreTest {

    @Inject
    SigningKeyStore store;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Test
    void theSigningKeyWasGeneratedAtStartAndIsKeptInTheDatabase() {
        String stored = store.stored("checkout.signing-key").orElseThrow();
        assertEquals(32, Base64.getDecoder().decode(stored).length);
        // A restart (a new store, nothing cached) and every other instance read the same key.
        assertArrayEquals(Base64.getDecoder().decode(stored), restarted().key("checkout.signing-key"));
    }

    @Test
    void aKeyIsMadeOnceAndRandom() {
        String name = "test-" + UUID.randomUUID();
        byte[] first = store.key(name);
        assertEquals(32, first.length);
        assertArrayEquals(first, store.key(name));
        assertArrayEquals(first, restarted().key(name));
        assertNotEquals(Base64.getEncoder().encodeToString(first),
                Base64.getEncoder().encodeToString(store.key("test-" + UUID.randomUUID())));
    }

    @Test
    void theSecondOfTwoFirstStartsUsesTheFirstOnesKey() {
        String name = "test-" + UUID.randomUUID();
        String first = SigningKeyStore.newKey();
        assertEquals(first, restarted().insertOrReread(name, first));
        // The other instance read nothing before the first inserted: its insert loses and it re-reads.
        assertEquals(first, restarted().insertOrReread(name, SigningKeyStore.newKey()));
        assertEquals(first, store.stored(name).orElseThrow());
    }

    @Test
    void twoInstancesStartingTogetherEndWithOneKey() throws Exception {
        String name = "test-" + UUID.randomUUID();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<byte[]> a = instances.submit(() -> {
                go.await();
                return restarted().key(name);
            });
            Future<byte[]> b = instances.submit(() -> {
                go.await();
                return restarted().key(name);
            });
            go.countDown();
            assertArrayEquals(a.get(), b.get());
            assertTrue(store.stored(name).isPresent());
        } finally {
            instances.shutdownNow();
        }
    }

    private SigningKeyStore restarted() {
        return new SigningKeyStore(entityManager, clock);
    }
}
