package io.connectcheckout.connectid.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectcheckout.connectid.sandbox.oauth.LoginThrottle;
import io.connectcheckout.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
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

    /**
     * RFC 6749 §6 and RFC 9700 §4.14.2: a refresh token is used once; of many refreshes with it at
     * once one wins, the others are replays that end the whole family, the winner's new tokens too
     * (outside attack of 2026-12-08: 2 to 6 of 6 to 12 won, and a winner's tokens could survive).
     */
    @Test
    void aRefreshTokenUsedByManyAtOnceRefreshesOnceAndTheReplaysEndTheFamily() throws Exception {
        for (int round = 0; round < 3; round++) {
            String refresh = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD).get("refresh");
            List<Response> answers = raceFor(RACERS, () -> refresh(refresh));
            List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "round " + round + ": " + statuses);
            var winner = answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow();
            answers.stream().filter(a -> a.statusCode() != 200)
                    .forEach(a -> assertEquals("invalid_grant", a.path("error"), a.asString()));
            given().header("Authorization", "Bearer " + winner.path("access_token"))
                    .when().get("/capi/v1/customer/profile").then().statusCode(401);
            refresh(winner.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        }
    }

    /**
     * Every try is counted before it is checked, so the owner's own right tries in flight filled the
     * allowance and the rest were refused as guesses (outside attack of 2026-12-08: 2 of 12
     * simultaneous right client secrets got 429). A right secret is never refused for them.
     */
    @Test
    void rightClientSecretsSentAtOnceAreAllAccepted() throws Exception {
        List<Integer> statuses = race(() -> given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .when().post("/user/oauth/token").statusCode());
        assertEquals(RACERS, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    }

    /** As for client secrets: 14 right passwords at once are 14 logins (before: 4 got "Too many wrong passwords"). */
    @Test
    void rightPasswordsSentAtOnceAreAllAccepted() throws Exception {
        List<Integer> statuses = raceFor(LoginThrottle.MAX_FAILURES + 4, () -> BrowserLogin
                .login(BrowserLogin.authorizeParams("s"), SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD)
                .statusCode());
        assertEquals(LoginThrottle.MAX_FAILURES + 4, statuses.stream().filter(s -> s == 303).count(), statuses.toString());
    }

    private static Response refresh(String refreshToken) {
        return given().auth().preemptive().basic(CidTestSupport.CLIENT, CidTestSupport.SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).when().post("/user/oauth/token");
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
        return raceFor(RACERS, request::getAsInt);
    }

    /** {@code racers} calls of {@code request} from parallel threads released together; their answers in order. */
    private static <T> List<T> raceFor(int racers, Callable<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<T> racer = () -> {
                    start.await();
                    return request.call();
                };
                answers.add(pool.submit(racer));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
