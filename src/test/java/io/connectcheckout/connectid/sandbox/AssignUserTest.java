package io.connectcheckout.connectid.sandbox;

import io.connectcheckout.testing.MutableClock;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.order;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.register;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Assign user – client mode for a new and an existing user, with the e-mail (MockMailbox) and the
 * SMS (the file sender) checked, the links' single use and expiry, and the new user's first login.
 */
@QuarkusTest
class AssignUserTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/user/link/[0-9a-f-]+");
    private static final Path SMS_FILE = Path.of("target/connectid-sms.log");

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxWorker worker;

    private String returnUrl() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/checkout/done?ref=abc";
    }

    private String assignBody(String credential, int hours) {
        return """
                {"credential":"%s","isSendMessage":true,"returnUrl":"%s","errorUrl":"https://demo.connectcheckout.io/error",
                 "linkLifetime":%d,"overrideClientId":"%s"}""".formatted(credential, returnUrl(), hours, CidTestSupport.CLIENT);
    }

    @Test
    void aNewUserGetsASetPasswordLinkByEmailAndCanThenLogIn() {
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        String email = "New.Buyer-" + System.nanoTime() + "@Example.no";
        String normalised = email.toLowerCase();
        api(token).body(assignBody(email, 2)).when().post("/capi/v1/client/order/" + orderId + "/user")
                .then().statusCode(200)
                .body("orderId", equalTo(orderId))
                .body("uniqueUserId", matchesPattern("^[0-9a-f]{32}$"))
                .body("isNewUser", equalTo(true))
                .body("isPasswordSet", equalTo(false));

        Mail mail;
        String link;
        try (io.connectcheckout.testing.ErrorLog log = io.connectcheckout.testing.ErrorLog.openAll()) {
            mail = awaitMail(normalised);
            link = link(mail.getText());
            // Found by the outside attack: the mock mailer logged the whole message at INFO, the
            // link (a one-time secret) included. No secret in the log, whatever the level.
            log.assertNoLineContains(link.substring(link.lastIndexOf('/') + 1), "the set-password link's token");
        }
        assertEquals("Velg passord hos Dagsavisen Demo", mail.getSubject());
        assertTrue(mail.getText().contains("gyldig i 2 timer"), mail.getText());

        Response page = given().header("Accept-Language", "nb").when().get(link);
        page.then().statusCode(200).body(containsString("Velg passord")).body(containsString("Dagsavisen Demo"));
        BrowserLogin.postForm(page, path(link), Map.of("password", "short", "passwordRepeat", "short"))
                .then().statusCode(400).body(containsString("at least 8 characters"));
        BrowserLogin.postForm(page, path(link), Map.of("password", "Mitt-passord-9", "passwordRepeat", "Annet-passord-9"))
                .then().statusCode(400).body(containsString("not the same"));
        Response done = BrowserLogin.postForm(page, path(link),
                Map.of("password", "Mitt-passord-9", "passwordRepeat", "Mitt-passord-9"));
        done.then().statusCode(303).header("Location", returnUrl());
        assertNotNull(done.cookie("cid_login"));

        // Single use: the link is dead now, and cannot set the password a second time.
        given().header("Accept-Language", "nb").when().get(link)
                .then().statusCode(410).body(containsString("virker ikke lenger"));
        BrowserLogin.postForm(page, path(link), Map.of("password", "Hijack-pass-1", "passwordRepeat", "Hijack-pass-1"))
                .then().statusCode(410);

        // The new user logs in with the password they chose.
        Map<String, String> tokens = BrowserLogin.userTokens(email, "Mitt-passord-9");
        given().header("Authorization", "Bearer " + tokens.get("access")).when().get("/capi/v1/order/status")
                .then().statusCode(200).body("orders[0].orderId", equalTo(orderId));
        api(token).body("{\"credential\":\"" + email + "\"}").when().post("/capi/v1/client/credential")
                .then().statusCode(200).body("exists", equalTo(true)).body("isPasswordSet", equalTo(true))
                .body("credential", equalTo(normalised));
    }

    @Test
    void anExistingUserGetsALoginLinkBySms() throws IOException {
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        int before = smsLines(SandboxSeeder.DEMO_MOBILE).size();
        api(token).body(assignBody("+47 912 34 567", 24)).when().post("/capi/v1/client/order/" + orderId + "/user")
                .then().statusCode(200)
                .body("isNewUser", equalTo(false))
                .body("isPasswordSet", equalTo(true));
        String line = awaitSms(SandboxSeeder.DEMO_MOBILE, before);
        assertTrue(line.contains("Logg inn med denne lenken (gyldig i 24 timer)"), line);
        String link = link(line);
        Response page = given().when().get(link);
        page.then().statusCode(200).body(containsString("as " + SandboxSeeder.DEMO_EMAIL));
        Response done = BrowserLogin.postForm(page, path(link), Map.of());
        done.then().statusCode(303).header("Location", returnUrl());
        given().when().get(link).then().statusCode(410);
    }

    @Test
    void linksExpireAfterTheirLifetime() {
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        String email = "expiring-" + System.nanoTime() + "@example.no";
        api(token).body(assignBody(email, 1)).when().post("/capi/v1/client/order/" + orderId + "/user")
                .then().statusCode(200);
        String link = link(awaitMail(email).getText());
        given().when().get(link).then().statusCode(200);
        MutableClock.advance(Duration.ofMinutes(61));
        given().when().get(link).then().statusCode(410)
                .body(containsString("https://demo.connectcheckout.io/error"));
    }

    @Test
    void withoutAMessageTheUserIsOnlyAttached() {
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        String email = "quiet-" + System.nanoTime() + "@example.no";
        api(token).body("{\"credential\":\"" + email + "\",\"isSendMessage\":false}")
                .when().post("/capi/v1/client/order/" + orderId + "/user")
                .then().statusCode(200).body("isNewUser", equalTo(true));
        // Assigning the same order to the same user again is harmless; to another user it is refused.
        api(token).body("{\"credential\":\"" + email.toUpperCase() + "\"}")
                .when().post("/capi/v1/client/order/" + orderId + "/user")
                .then().statusCode(200).body("isNewUser", equalTo(false));
        api(token).body("{\"credential\":\"" + SandboxSeeder.DEMO_EMAIL + "\"}")
                .when().post("/capi/v1/client/order/" + orderId + "/user")
                .then().statusCode(400).body("errorMessage", containsString("another user"));
        worker.sendDue();
        assertTrue(mailbox.getMailsSentTo(email).isEmpty());
    }

    @Test
    void badRequestsAreRefused() {
        String token = clientToken();
        long orderId = register(token, order(uniqueId(), "invoice"));
        String url = "/capi/v1/client/order/" + orderId + "/user";
        api(token).body("{\"credential\":\"not a credential\"}").when().post(url)
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
        api(token).body("{}").when().post(url).then().statusCode(400).body("errorMessage", containsString("credential"));
        api(token).body("{\"credential\":\"x@example.no\",\"isSendMessage\":true,\"returnUrl\":\"" + returnUrl() + "\"}")
                .when().post(url).then().statusCode(400).body("errorMessage", containsString("overrideClientId"));
        api(token).body(assignBody("x@example.no", 24).replace(returnUrl(), "https://evil.example/x"))
                .when().post(url).then().statusCode(400).body("errorMessage", containsString("returnUrl"));
        api(token).body(assignBody("x@example.no", 24).replace(returnUrl(), "//evil.example/x"))
                .when().post(url).then().statusCode(400).body("errorMessage", containsString("returnUrl"));
        api(token).body(assignBody("x@example.no", 0)).when().post(url)
                .then().statusCode(400).body("errorMessage", containsString("linkLifetime"));
        api(token).body(assignBody("x@example.no", 24)).when().post("/capi/v1/client/order/999999999/user")
                .then().statusCode(400).body("exceptionType", equalTo("OrderNotFoundException"));
        api(token).body(assignBody("x@example.no", 24)).when().post("/capi/v1/client/order/abc/user")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
    }

    @Test
    void checkCredentialForAnUnknownUser() {
        api(clientToken()).body("{\"credential\":\"004791234567\"}").when().post("/capi/v1/client/credential")
                .then().statusCode(200).body("credential", equalTo(SandboxSeeder.DEMO_MOBILE))
                .body("exists", equalTo(true));
        api(clientToken()).body("{\"credential\":\"nobody-" + System.nanoTime() + "@example.no\"}")
                .when().post("/capi/v1/client/credential")
                .then().statusCode(200).body("exists", equalTo(false)).body("isPasswordSet", equalTo(false));
        api(clientToken()).body("{\"credential\":\"12\"}").when().post("/capi/v1/client/credential")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
    }

    private Mail awaitMail(String to) {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            worker.sendDue();
            List<Mail> mails = mailbox.getMailsSentTo(to);
            if (!mails.isEmpty()) {
                return mails.get(mails.size() - 1);
            }
            sleep();
        }
        return fail("no e-mail to " + to);
    }

    private String awaitSms(String to, int before) throws IOException {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            worker.sendDue();
            List<String> lines = smsLines(to);
            if (lines.size() > before) {
                return lines.get(lines.size() - 1);
            }
            sleep();
        }
        return fail("no SMS to " + to);
    }

    private static List<String> smsLines(String to) throws IOException {
        return Files.exists(SMS_FILE)
                ? Files.readAllLines(SMS_FILE).stream().filter(l -> l.contains("\t" + to + "\t")).toList()
                : List.of();
    }

    private static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), "no link in: " + text);
        return m.group();
    }

    private static String path(String link) {
        return java.net.URI.create(link).getPath();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
