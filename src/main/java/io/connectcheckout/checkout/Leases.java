package io.connectcheckout.checkout;

import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The two steps that ConnectID cannot de-duplicate (Register order, Assign user) are claimed for a
 * lease before they are called, so that of all the steps that may run at once only one calls.
 * A claim whose holder died (or never heard back) runs out, and then another step may try.
 */
@Embeddable
public class Leases {

    /** While set and in the future, one step is assigning the user. */
    private Instant assigningUntil;

    /** While set and in the future, one step is registering the attempt's order; the value identifies the claim. */
    private Instant registeringUntil;

    boolean registrationClaimed(Instant now) {
        return registeringUntil != null && registeringUntil.isAfter(now);
    }

    /** @return the claim; the database keeps microseconds, so it is truncated to read back equal. */
    Instant claimRegistration(Instant now, Duration lease) {
        registeringUntil = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
        return registeringUntil;
    }

    boolean holdsRegistration(Instant claim) {
        return claim != null && claim.equals(registeringUntil);
    }

    void endRegistration() {
        registeringUntil = null;
    }

    boolean assignmentClaimed(Instant now) {
        return assigningUntil != null && assigningUntil.isAfter(now);
    }

    void claimAssignment(Instant now, Duration lease) {
        assigningUntil = now.plus(lease);
    }

    public Instant registeringUntil() {
        return registeringUntil;
    }

    public Instant assigningUntil() {
        return assigningUntil;
    }
}
