package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.order;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.register;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.uniqueId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.connectid.sandbox.messages.OutboxWorker;
import io.connectcheckout.connectid.sandbox.oauth.LoginCode;
import io.connectcheckout.connectid.sandbox.oauth.LoginThrottle;
import io.connectcheckout.testing.FromAddress;
import io.connectcheckout.testing.MutableClock;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 12: one-time login codes cannot be brute-forced by asking for new ones. Code
 * requests are limited per credential and per address, and wrong codes count per credential
 * across its codes. Every test starts and ends with full buckets and forgotten failures (the
 * clock moved on), as the whole suite asks for codes from one address.
 */
@QuarkusTest
class OneTimeCodeLimitsTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxWorker worker;

    @BeforeEach
    @AfterEach
    void freshLimits() {
        MutableClock.advance(LoginThrottle.FORGET_AFTER.plusMinutes(1));
    }

    private static Response codePage() {
        return given().queryParams(BrowserLogin.authorizeParams("s")).when().get("/user/oauth/authorize/code");
    }

    private static Response requestCode(Response page, String credential) {
        return BrowserLogin.postForm(page, "/user/oauth/authorize/code", Map.of("credential", credential));
    }

    @Test
    void codeRequestsAreLimitedPerCredential() {
        Response page = codePage();
        String email = "codes-" + System.nanoTime() + "@example.no";
        for (int i = 0; i < LoginThrottle.CODE_REQUESTS_PER_CREDENTIAL; i++) {
            requestCode(page, i % 2 == 0 ? email : email.toUpperCase()).then().statusCode(200);
        }
        requestCode(page, email).then().statusCode(429).header("Retry-After", notNullValue())
                .body(containsString("Too many codes"));
        requestCode(page, "other-" + email).then().statusCode(200);
        MutableClock.advance(Duration.ofHours(1));
        requestCode(page, email).then().statusCode(200);
    }

    /** Item 13's kind for codes: a stranger asking for the owner's codes, or guessing them, never makes the owner wait. */
    @Test
    void aStrangersCodeRequestsAndWrongCodesDoNotSlowTheOwnerDown() {
        String stranger = "127.0.0.2";
        String email = "owner-" + System.nanoTime() + "@example.no";
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        api(token).body("{\"credential\":\"" + email + "\",\"isSendMessage\":false}")
                .when().post("/capi/v1/client/order/" + orderId + "/user").then().statusCode(200);

        Response strangersPage = FromAddress.given(stranger).queryParams(BrowserLogin.authorizeParams("s"))
                .when().get("/user/oauth/authorize/code");
        int sent = 0;
        for (int i = 0; i < LoginThrottle.CODE_REQUESTS_PER_CREDENTIAL; i++) {
            Response entry = BrowserLogin.postFormFrom(stranger, strangersPage, "/user/oauth/authorize/code",
                    Map.of("credential", email));
            entry.then().statusCode(200);
            sent++;
            for (int k = 1; k <= LoginCode.MAX_ATTEMPTS; k++) {
                BrowserLogin.postFormFrom(stranger, entry, "/user/oauth/authorize/code/verify",
                        Map.of("code", wrong(awaitCode(email, sent), k)));
            }
        }
        BrowserLogin.postFormFrom(stranger, strangersPage, "/user/oauth/authorize/code", Map.of("credential", email))
                .then().statusCode(429);

        Response entry = requestCode(codePage(), email);
        entry.then().statusCode(200);
        String code = awaitCode(email, sent + 1);
        assertEquals(303, BrowserLogin.postForm(entry, "/user/oauth/authorize/code/verify", Map.of("code", code))
                .statusCode());
    }

    /**
     * Outside attack of stop 22: any five wrong tries used up the owner's newest code, and a
     * stranger's request replaced it. A code belongs to the login that asked for it.
     */
    @Test
    void aStrangerCanNeitherBurnNorReplaceTheCodeTheOwnerIsTyping() {
        String stranger = "127.0.0.3";
        String email = "typing-" + System.nanoTime() + "@example.no";
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        api(token).body("{\"credential\":\"" + email + "\",\"isSendMessage\":false}")
                .when().post("/capi/v1/client/order/" + orderId + "/user").then().statusCode(200);
        Response ownersEntry = requestCode(codePage(), email);
        String ownersCode = awaitCode(email, 1);

        Response strangersPage = FromAddress.given(stranger).queryParams(BrowserLogin.authorizeParams("s"))
                .when().get("/user/oauth/authorize/code");
        Response strangersEntry = BrowserLogin.postFormFrom(stranger, strangersPage, "/user/oauth/authorize/code",
                Map.of("credential", email));
        for (int k = 1; k <= LoginCode.MAX_ATTEMPTS; k++) {
            BrowserLogin.postFormFrom(stranger, strangersEntry, "/user/oauth/authorize/code/verify",
                    Map.of("code", wrong(ownersCode, k))).then().statusCode(400);
        }
        BrowserLogin.postFormFrom(stranger, strangersEntry, "/user/oauth/authorize/code/verify",
                Map.of("code", ownersCode)).then().statusCode(400);

        assertEquals(303, BrowserLogin.postForm(ownersEntry, "/user/oauth/authorize/code/verify",
                Map.of("code", ownersCode)).statusCode());
    }

    @Test
    void codeRequestsAreLimitedPerAddress() {
        Response page = codePage();
        String run = "many-" + System.nanoTime();
        for (int i = 0; i < LoginThrottle.CODE_REQUESTS_PER_ADDRESS; i++) {
            requestCode(page, run + "-" + i + "@example.no").then().statusCode(200);
        }
        requestCode(page, run + "-last@example.no").then().statusCode(429);
    }

    @Test
    void wrongCodesCountAcrossCodesSoANewCodeDoesNotRenewTheBudget() {
        String email = "otp-" + System.nanoTime() + "@example.no";
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        api(token).body("{\"credential\":\"" + email + "\",\"isSendMessage\":false}")
                .when().post("/capi/v1/client/order/" + orderId + "/user").then().statusCode(200);

        Response page = codePage();
        int rounds = LoginThrottle.MAX_CODE_FAILURES / LoginCode.MAX_ATTEMPTS;
        for (int round = 0; round < rounds; round++) {
            Response entry = requestCode(page, email);
            String code = awaitCode(email, round + 1);
            for (int k = 1; k <= LoginCode.MAX_ATTEMPTS; k++) {
                BrowserLogin.postForm(entry, "/user/oauth/authorize/code/verify", Map.of("code", wrong(code, k)))
                        .then().statusCode(400);
            }
        }
        Response entry = requestCode(page, email);
        String code = awaitCode(email, rounds + 1);
        BrowserLogin.postForm(entry, "/user/oauth/authorize/code/verify", Map.of("code", code))
                .then().statusCode(429).header("Retry-After", notNullValue());
        MutableClock.advance(LoginThrottle.FIRST_DELAY.plusSeconds(1));
        Response ok = BrowserLogin.postForm(entry, "/user/oauth/authorize/code/verify", Map.of("code", code));
        assertEquals(303, ok.statusCode());
    }

    private static String wrong(String code, int k) {
        return String.format("%06d", (Integer.parseInt(code) + k) % 1_000_000);
    }

    /** The code of the {@code nth} e-mail sent to {@code to}. */
    private String awaitCode(String to, int nth) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            worker.sendDue();
            return mailbox.getMailsSentTo(to).size() >= nth;
        });
        List<Mail> mails = mailbox.getMailsSentTo(to);
        Matcher m = CODE.matcher(mails.get(nth - 1).getText());
        assertTrue(m.find(), mails.get(nth - 1).getText());
        return m.group(1);
    }
}
