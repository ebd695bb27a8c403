package io.connectcheckout.connectid.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectcheckout.connectid.sandbox.oauth.LoginThrottle;
import io.connectcheckout.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The login server under requests sent at the same instant (outside attack of stop 22): a check
 * and the record it depends on must be one step, or simultaneous requests all pass the check.
 * Each test sends its requests from parallel threads released together.
 */
@QuarkusTest
class OAuthRacesTest {

    private static final int RACERS = 12;

    @BeforeEach
    @AfterEach
    void forgetEarlierFailures() {
        MutableClock.advance(LoginThrottle.FORGET_AFTER.plusMinutes(1));
    }

    /** RFC 6749 §4.1.2: an authorization code is used once; two exchanges at once must not both win. */
    @Test
    void anAuthorizationCodeExchangedByManyAtOnceIssuesTokensOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            var login = BrowserLogin.login(BrowserLogin.authorizeParams("race"), SandboxSeeder.DEMO_EMAIL,
                    SandboxSeeder.DEMO_PASSWORD);
            assertEquals(303, login.statusCode());
            String code = BrowserLogin.queryParam(login.header("Location"), "code");
            List<Integer> statuses = race(() -> BrowserLogin.exchange(code, BrowserLogin.VERIFIER).statusCode());
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "round " + round + ": " + statuses);
        }
    }

    /** Wrong passwords sent at once are counted before they are checked: no more are checked than the allowance. */
    @Test
    void wrongPasswordsSentAtOnceAreNotCheckedPastTheAllowance() throws Exception {
        String email = "race-" + System.nanoTime() + "@example.no";
        List<Integer> statuses = new ArrayList<>();
        for (int burst = 0; burst < 3; burst++) {
            statuses.addAll(race(() -> BrowserLogin.login(BrowserLogin.authorizeParams("s"), email, "guess").statusCode()));
        }
        long checked = statuses.stream().filter(s -> s == 400).count();
        assertEquals(LoginThrottle.MAX_FAILURES, checked, statuses.toString());
    }

    private static List<Integer> race(IntSupplier request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Callable<Integer> racer = () -> {
                    start.await();
                    return request.getAsInt();
                };
                answers.add(pool.submit(racer));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
