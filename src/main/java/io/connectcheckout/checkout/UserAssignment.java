package io.connectcheckout.checkout;

import io.connectcheckout.connectid.client.AssignedUser;
import io.connectcheckout.connectid.client.ClientCredentials;
import io.connectcheckout.connectid.client.ConnectIdGateway;
import io.connectcheckout.web.CheckoutConfig;
import io.connectcheckout.web.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;

/**
 * Gives a guest's completed order a ConnectID account (Assign user – client mode), which finds or
 * creates the user for the payer's e-mail or mobile and sends them a login or set-password link.
 * Claimed first for {@code checkout.step-lease}, so that concurrent steps (a return, a callback,
 * reconciliation) call ConnectID once; a claim lost to another step leaves the assignment to it.
 */
@ApplicationScoped
public class UserAssignment {

    private final ConnectIdGateway connectId;
    private final CheckoutStore store;
    private final CheckoutConfig config;
    private final Clock clock;

    public UserAssignment(ConnectIdGateway connectId, CheckoutStore store, CheckoutConfig config, Clock clock) {
        this.connectId = connectId;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** Whether checkout {@code s} still needs its user assigned and no other step is doing it. */
    boolean due(CheckoutSession s) {
        return !s.loggedIn() && !s.attempt().userAssigned() && !s.assignmentClaimed(clock.instant());
    }

    void assign(CheckoutSession s, ClientCredentials client) {
        try {
            store.change(s.id(), (x, now) -> x.claimAssignment(now, config.stepLease()),
                    CheckoutEventType.USER_ASSIGNMENT_STARTED, null);
        } catch (IllegalStepException claimedElsewhere) {
            return;
        } catch (RuntimeException e) {
            if (Failures.isConcurrentChange(e)) {
                return;
            }
            throw e;
        }
        Payer payer = s.payer();
        String credential = payer.email() != null ? payer.email() : payer.mobile();
        URI home = URI.create(s.publisher().homeUrl);
        // The shopper's language travels as the request's Accept-Language (RFC 9110 §12.5.4): the
        // reference gives Assign user no language field, and its messages' texts are the client's.
        java.util.Locale language = java.util.Locale.forLanguageTag(s.locale() == null ? s.publisher().defaultLocale
                : s.locale());
        AssignedUser user = connectId.assignUser(client, s.attempt().connectIdOrderId(), credential, home, home,
                language);
        store.change(s.id(), (x, now) -> x.userAssigned(user.newUser(), now), CheckoutEventType.USER_ASSIGNED,
                (user.newUser() ? "new user " : "existing user ") + user.uniqueUserId());
    }
}
