package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atWalletApproval;
import static io.connectcheckout.testing.Checkouts.events;
import static io.connectcheckout.testing.Checkouts.session;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.connectid.sandbox.orders.SandboxOrder;
import io.connectcheckout.payment.client.PaymentDetails;
import io.connectcheckout.payment.client.PaymentProvider;
import io.connectcheckout.payment.client.PaymentState;
import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.InvariantAudit;
import io.connectcheckout.testing.Shopper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A logged-in shopper pays, and by the time the order is registered in their name their ConnectID
 * login has run out or been revoked. A refused login is never a refused order: the login is renewed
 * with the refresh token, or else the order is registered as a guest's and assigned to the shopper
 * by e-mail; the payment is kept and nothing is refunded.
 */
@QuarkusTest
@ExtendWith(InvariantAudit.class)
class LapsedLoginFaultTest {

    static final String OFFER = Checkouts.OFFER;
    static final String KARI = "kari.nordmann@example.no";

    @Inject
    PaymentProvider payments;

    @Inject
    CheckoutStore store;

    @Test
    void anExpiredAccessTokenIsRenewedAndTheOrderIsTheShoppers() {
        Shopper shopper = loggedInAtReview();
        String issued = session(shopper).login().accessToken();
        alter(shopper, s -> s.login().tokensRefreshed(s.login().accessToken(), s.login().refreshToken(), Instant.now().minusSeconds(5)));

        CheckoutSession done = payAndFinish(shopper);
        assertEquals(1, events(done, "login_refreshed"));
        assertEquals(0, events(done, "login_lapsed"));
        assertNotEquals(issued, done.login().accessToken(), "the renewed token is kept");
        assertTrue(done.login().tokenExpiresAt().isAfter(Instant.now()));
        assertEquals(done.login().userId(), orderUser(done), "registered in the shopper's name");
        assertFalse(done.attempt().userAssigned(), "a logged-in shopper's order needs no assignment");
    }

    @Test
    void aLoginThatCannotBeRenewedRegistersAsAGuestAndAssignsTheOrderToTheShopper() {
        Shopper shopper = loggedInAtReview();
        alter(shopper, s -> {
            s.login().tokensRefreshed(s.login().accessToken(), s.login().refreshToken(), Instant.now().minusSeconds(5));
            s.login().tokensRefreshed(s.login().accessToken(), "revoked-refresh-token", s.login().tokenExpiresAt());
        });

        CheckoutSession done = payAndFinish(shopper);
        assertEquals(1, events(done, "login_lapsed"));
        assertNull(done.login().accessToken());
        assertTrue(done.attempt().userAssigned());
        assertEquals(Boolean.FALSE, done.attempt().newUser(), "the shopper's existing account got the order");
        assertEquals(done.login().userId(), orderUser(done));
    }

    @Test
    void anAccessTokenRefusedAtRegistrationIsNeverARefusedOrder() {
        Shopper shopper = loggedInAtReview();
        // Not expired by our clock, but revoked at ConnectID: Register order answers 401.
        alter(shopper, s -> s.login().tokensRefreshed("revoked-access-token", s.login().refreshToken(), s.login().tokenExpiresAt()));

        CheckoutSession done = payAndFinish(shopper);
        assertEquals(1, events(done, "login_lapsed"));
        assertTrue(done.attempt().userAssigned());
        assertEquals(done.login().userId(), orderUser(done));
    }

    /** Kari logs in through ConnectID, accepts the terms with her profile's details, and chooses Vipps. */
    private static Shopper loggedInAtReview() {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        Shopper.Page login = shopper.submitAndFollow("form[action='" + OFFER + "']", Map.of("paymentOption", "vipps"),
                "mode=login");
        assertThat(login.url(), containsString("/user/oauth/authorize"));
        Shopper.Page details = shopper.submitAndFollow("form[action='/user/oauth/authorize']",
                Map.of("credential", KARI, "password", "Demo-passord-1"), null);
        assertThat(details.text(), containsString("Logged in as " + KARI));
        Shopper.Page review = shopper.submitAndFollow("form[action='/checkout/details']",
                Map.of("terms", "on", "paymentOption", "vipps"), null);
        assertThat(review.url(), containsString("/checkout/review"));
        CheckoutSession s = session(shopper);
        assertNotNull(s.login().accessToken());
        assertNotNull(s.login().userId());
        return shopper;
    }

    /** Confirms, pays with the wallet, comes back: the checkout completes and keeps the money. */
    private CheckoutSession payAndFinish(Shopper shopper) {
        atWalletApproval(shopper);
        Shopper.Page approved = shopper.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
        Shopper.Page receipt = shopper.follow(shopper.get(approved.location()));
        assertThat(receipt.text(), containsString("Thank you for your order"));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            CheckoutSession s = session(shopper);
            return s.loggedIn() || s.attempt().userAssigned();
        });
        CheckoutSession done = session(shopper);
        assertEquals(Step.COMPLETED, done.step());
        assertEquals(1, events(done, "order_registered"));
        assertEquals(0, events(done, "order_refused"));
        PaymentDetails payment = payments.get(Accounts.payment(store.load(done.id()).publisher()), done.attempt().paymentId());
        assertEquals(PaymentState.CAPTURED, payment.state(), "captured and not refunded");
        assertEquals(done.terms().price(), payment.amount());
        return done;
    }

    /** What ConnectID's side would have done meanwhile (a clock that moved on, a revoked token). */
    private static void alter(Shopper shopper, Consumer<CheckoutSession> change) {
        Long id = session(shopper).id();
        QuarkusTransaction.requiringNew().run(() -> change.accept(CheckoutSession.findById(id)));
    }

    /** The ConnectID user id (32 hex) the sandbox's order for this checkout belongs to. */
    private static String orderUser(CheckoutSession done) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SandboxOrder order = SandboxOrder.findById(done.attempt().connectIdOrderId());
            return order.user == null ? null : order.user.uniqueUserId;
        });
    }
}
