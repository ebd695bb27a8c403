package io.connectcheckout.checkout;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One login a shopper began in a checkout: the SHA-256 of its OAuth {@code state} and its PKCE
 * verifier (RFC 6749 §10.12, RFC 7636), usable once. Each login has its own row, so two tabs that
 * each begin a login, or Back replaying an earlier one, never overwrite each other's state; a used
 * row keeps its state hash (not its verifier) so that a replay is known as this checkout's.
 */
@Entity
@Table(name = "checkout_login_attempt")
class LoginAttempt extends PanacheEntityBase {

    /** What a callback's {@code state} turned out to be. */
    sealed interface Claim {
        /** Not a login this checkout began (unknown, another checkout's, or too old): refused. */
        record Refused(String why) implements Claim {
        }

        /** This checkout's login, already used once (Back, a reload): nothing to do. */
        record AlreadyUsed() implements Claim {
        }

        /** This checkout's login, now used: exchange the code with this verifier. */
        record Claimed(String verifier) implements Claim {
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long sessionId;

    private String stateHash;

    private String verifier;

    private Instant startedAt;

    private Instant usedAt;

    /** Records a new login of checkout {@code sessionId}, inside the caller's transaction. */
    static void begin(Long sessionId, String stateHash, String verifier, Instant now, Duration lifetime) {
        // Logins begun and never finished are of no use after their lifetime.
        delete("sessionId = ?1 and usedAt is null and startedAt < ?2", sessionId, now.minus(lifetime));
        LoginAttempt attempt = new LoginAttempt();
        attempt.sessionId = sessionId;
        attempt.stateHash = stateHash;
        attempt.verifier = verifier;
        attempt.startedAt = now;
        attempt.persist();
    }

    /**
     * Uses the login whose state hashes to {@code stateHash} for checkout {@code sessionId}, once:
     * of two callbacks with the same state only one gets the verifier. Inside the caller's transaction.
     */
    static Claim claim(Long sessionId, String stateHash, Instant now, Duration lifetime) {
        LoginAttempt attempt = LoginAttempt.<LoginAttempt>find("stateHash", stateHash).firstResult();
        if (attempt == null) {
            return new Claim.Refused("unknown state");
        }
        if (!attempt.sessionId.equals(sessionId)) {
            return new Claim.Refused("the state of another checkout");
        }
        if (attempt.usedAt != null) {
            return new Claim.AlreadyUsed();
        }
        if (attempt.startedAt.plus(lifetime).isBefore(now)) {
            return new Claim.Refused("a login begun more than " + lifetime + " ago");
        }
        String verifier = attempt.verifier;
        int won = update("usedAt = ?1, verifier = null where id = ?2 and usedAt is null", now, attempt.id);
        return won == 1 ? new Claim.Claimed(verifier) : new Claim.AlreadyUsed();
    }
}
