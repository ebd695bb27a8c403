package io.connectcheckout.connectid.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectcheckout.connectid.sandbox.messages.OutboxWorker;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Logging in with a one-time code sent by e-mail instead of the password. */
@QuarkusTest
class OneTimeCodeLoginTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxWorker worker;

    @Test
    void aCodeFromTheEmailLogsInOnceAndWrongCodesDoNot() {
        Map<String, String> params = BrowserLogin.authorizeParams("otp-state");
        given().queryParams(params).when().get("/user/oauth/authorize")
                .then().statusCode(200).body(containsString("/user/oauth/authorize/code?client_id="));
        Response request = given().queryParams(params).when().get("/user/oauth/authorize/code");
        int before = mailbox.getMailsSentTo(SandboxSeeder.DEMO_EMAIL).size();
        Response entry = BrowserLogin.postForm(request, "/user/oauth/authorize/code",
                Map.of("credential", SandboxSeeder.DEMO_EMAIL));
        entry.then().statusCode(200).body(containsString("name=\"code\""));
        String code = awaitCode(before);

        String wrong = code.equals("000000") ? "111111" : "000000";
        BrowserLogin.postForm(entry, "/user/oauth/authorize/code/verify", Map.of("code", wrong))
                .then().statusCode(400).body(containsString("wrong or has expired"));
        Response ok = BrowserLogin.postForm(entry, "/user/oauth/authorize/code/verify", Map.of("code", code));
        assertEquals(303, ok.statusCode());
        String location = ok.header("Location");
        assertEquals("otp-state", BrowserLogin.queryParam(location, "state"));
        String authCode = BrowserLogin.queryParam(location, "code");
        assertNotNull(authCode);
        BrowserLogin.exchange(authCode, BrowserLogin.VERIFIER).then().statusCode(200);
        // The code is used up.
        BrowserLogin.postForm(entry, "/user/oauth/authorize/code/verify", Map.of("code", code)).then().statusCode(400);
    }

    @Test
    void anUnknownCredentialLooksTheSameButSendsNothing() {
        Map<String, String> params = BrowserLogin.authorizeParams("s");
        Response request = given().queryParams(params).when().get("/user/oauth/authorize/code");
        String nobody = "nobody-" + System.nanoTime() + "@example.no";
        BrowserLogin.postForm(request, "/user/oauth/authorize/code", Map.of("credential", nobody))
                .then().statusCode(200).body(containsString("name=\"code\""));
        worker.sendDue();
        assertTrue(mailbox.getMailsSentTo(nobody).isEmpty());
    }

    private String awaitCode(int before) {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            worker.sendDue();
            List<Mail> mails = mailbox.getMailsSentTo(SandboxSeeder.DEMO_EMAIL);
            if (mails.size() > before) {
                Mail mail = mails.get(mails.size() - 1);
                assertTrue(mail.getSubject().contains("Dagsavisen Demo"), mail.getSubject());
                Matcher m = CODE.matcher(mail.getText());
                assertTrue(m.find(), mail.getText());
                return m.group(1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return fail("no code e-mail");
    }
}
