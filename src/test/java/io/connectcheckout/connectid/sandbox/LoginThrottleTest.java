package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.BrowserLogin.authorizeParams;
import static io.connectcheckout.connectid.sandbox.BrowserLogin.login;
import static io.connectcheckout.connectid.sandbox.BrowserLogin.loginFrom;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectcheckout.connectid.sandbox.oauth.LoginThrottle;
import io.connectcheckout.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 13: wrong passwords slow a credential (in all its written forms) and an address
 * down with growing delays; the right password passes once the delay is over, so nobody can lock
 * an account for good. Every test starts and ends with the throttle's memory forgotten (the clock
 * moved past {@link LoginThrottle#FORGET_AFTER}), as the whole suite logs in from one address.
 */
@QuarkusTest
class LoginThrottleTest {

    @BeforeEach
    @AfterEach
    void forgetEarlierFailures() {
        MutableClock.advance(LoginThrottle.FORGET_AFTER.plusMinutes(1));
    }

    @Test
    void plus47And0047AndTheBareNumberAreOneCredentialAndTheRightPasswordPassesAfterTheDelay() {
        // The demo user's mobile number, +4791234567, written three ways.
        List<String> forms = List.of("+47 912 34 567", "0047 91234567", "912 34 567");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            login(authorizeParams("s"), forms.get(i % forms.size()), "guess-" + i).then().statusCode(400);
        }
        login(authorizeParams("s"), "91234567", SandboxSeeder.DEMO_PASSWORD)
                .then().statusCode(429)
                .header("Retry-After", String.valueOf(LoginThrottle.FIRST_DELAY.toSeconds()))
                .body(containsString("Too many wrong passwords"));
        MutableClock.advance(LoginThrottle.FIRST_DELAY.plusSeconds(1));
        assertEquals(303, login(authorizeParams("s"), "0047 912 34 567", SandboxSeeder.DEMO_PASSWORD).statusCode());
    }

    /** The kind of item 13: nobody else's wrong passwords may make the owner wait. */
    @Test
    void aStrangersWrongPasswordsDoNotSlowTheOwnerDown() {
        String stranger = "127.0.0.2";
        for (int i = 0; i < LoginThrottle.MAX_FAILURES + 3; i++) {
            loginFrom(stranger, authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, "guess-" + i);
        }
        loginFrom(stranger, authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD)
                .then().statusCode(429);
        login(authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD).then().statusCode(303);
    }

    /** Outside attack of stop 22: an account's e-mail and mobile were counted apart, doubling the allowance. */
    @Test
    void anAccountIsCountedAsOneWhicheverOfItsCredentialsIsTyped() {
        List<String> credentials = List.of(SandboxSeeder.DEMO_EMAIL, "+47 912 34 567");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            login(authorizeParams("s"), credentials.get(i % 2), "guess-" + i).then().statusCode(400);
        }
        login(authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD).then().statusCode(429);
        login(authorizeParams("s"), "91234567", SandboxSeeder.DEMO_PASSWORD).then().statusCode(429);
    }

    /** Issue 14 item 13: an empty form says what to fill in, however often it is sent, and is no guess. */
    @Test
    void anEmptyFormSaysWhatIsMissingAndIsNeverCountedAsAGuess() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES + 5; i++) {
            login(authorizeParams("s"), i % 2 == 0 ? "" : SandboxSeeder.DEMO_EMAIL, "").then().statusCode(400)
                    .body(containsString("Enter your e-mail or mobile number and your password."));
        }
        login(authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD).then().statusCode(303);
    }

    @Test
    void theDelayGrowsWithEachWrongPasswordAndEnds() {
        String email = "grow-" + System.nanoTime() + "@example.no";
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            login(authorizeParams("s"), email, "guess-" + i).then().statusCode(400);
        }
        long first = LoginThrottle.FIRST_DELAY.toSeconds();
        login(authorizeParams("s"), email, "x").then().statusCode(429).header("Retry-After", String.valueOf(first));
        MutableClock.advance(Duration.ofSeconds(first + 1));
        login(authorizeParams("s"), email, "y").then().statusCode(400);
        // One more wrong password: twice as long.
        login(authorizeParams("s"), email, "z").then().statusCode(429).header("Retry-After", String.valueOf(2 * first));
        MutableClock.advance(Duration.ofSeconds(first + 1));
        login(authorizeParams("s"), email, "z").then().statusCode(429);
        MutableClock.advance(Duration.ofSeconds(first));
        login(authorizeParams("s"), email, "z").then().statusCode(400);
    }

    @Test
    void wrongPasswordsFromOneAddressForManyCredentialsDelayThatAddress() {
        String run = "spray-" + System.nanoTime();
        for (int i = 0; i < LoginThrottle.MAX_ADDRESS_FAILURES; i++) {
            login(authorizeParams("s"), run + "-" + i + "@example.no", "Sommer2026!").then().statusCode(400);
        }
        login(authorizeParams("s"), run + "-next@example.no", "Sommer2026!").then().statusCode(429);
        MutableClock.advance(LoginThrottle.FIRST_DELAY.plusSeconds(1));
        login(authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD)
                .then().statusCode(equalTo(303));
    }
}
