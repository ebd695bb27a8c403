package io.connectcheckout.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.testing.ConnectIdProbe;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The four order flows, invoice, a declined card, a cancel and retry, and 3-D Secure, walked in
 * headless Chromium through the real pages of the checkout, the ConnectID sandbox and the payment
 * sandbox. Each step's page is saved under {@code target/screenshots/}.
 */
@QuarkusTest
class CheckoutBrowserTest {

    static final String DEMO_USER = "kari.nordmann@example.no";
    static final String DEMO_PASSWORD = "Demo-passord-1";
    static final String APPROVED = "4111 1111 1111 1111";
    static final String DECLINED = "4000 0000 0000 0002";
    static final String THREE_DS = "4000 0000 0000 3220";

    @Inject
    MockMailbox mailbox;

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** One walk through the pages, numbering its screenshots. */
    private static final class Walk {
        final Browser browser;
        final WebDriver driver;
        final String name;
        int shot;

        Walk(Browser browser, String name) {
            this.browser = browser;
            this.driver = browser.driver();
            this.name = name;
        }

        void snap(String page) throws Exception {
            browser.screenshot(name + "-" + String.format("%02d", ++shot) + "-" + page);
        }

        void click(By by) {
            browser.waiting().until(ExpectedConditions.elementToBeClickable(by)).click();
        }

        void type(By by, String text) {
            WebElement field = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
            field.clear();
            field.sendKeys(text);
        }

        void waitFor(By by) {
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(by));
        }

        void waitForUrl(String part) {
            browser.waiting().until(ExpectedConditions.urlContains(part));
        }

        /** Offer page: choose the payment option, then log in or continue as a guest. */
        void chooseOffer(String offer, String option, boolean login) throws Exception {
            driver.get(base() + "/checkout/demo/" + offer + "?lang=en");
            waitFor(By.id("continue-guest"));
            snap("offer");
            click(By.cssSelector("input[name='paymentOption'][value='" + option + "']"));
            click(By.id(login ? "continue-login" : "continue-guest"));
        }

        void logInAtConnectId() throws Exception {
            waitForUrl("/user/oauth/authorize");
            snap("connectid-login");
            type(By.id("credential"), DEMO_USER);
            type(By.id("password"), DEMO_PASSWORD);
            click(By.cssSelector("form[action='/user/oauth/authorize'] button[type='submit']"));
            waitForUrl("/checkout/details");
        }

        void fillDetails(String email) throws Exception {
            waitFor(By.id("firstName"));
            if (email != null) {
                type(By.id("firstName"), "Ola");
                type(By.id("lastName"), "Nordmann");
                type(By.id("email"), email);
                type(By.id("postalCode"), "0150");
            }
            WebElement terms = driver.findElement(By.id("terms"));
            if (!terms.isSelected()) {
                terms.click();
            }
            snap("details");
            click(By.id("continue"));
            waitFor(By.id("confirm"));
            snap("review");
        }

        void confirm() {
            click(By.id("confirm"));
        }

        void payByCard(String number) throws Exception {
            waitFor(By.id("cardNumber"));
            snap("payment-page");
            type(By.id("cardNumber"), number);
            type(By.id("expiry"), "12/39");
            type(By.id("cvc"), "123");
            click(By.id("pay"));
        }

        void payByWallet() throws Exception {
            waitFor(By.cssSelector("form[action$='/wallet'] input[name='mobile']"));
            snap("payment-page");
            type(By.cssSelector("form[action$='/wallet'] input[name='mobile']"), "912 34 567");
            click(By.cssSelector("form[action$='/wallet'] button[type='submit']"));
            waitFor(By.id("approve"));
            snap("wallet-app");
            click(By.id("approve"));
        }

        long receipt() throws Exception {
            waitFor(By.id("receipt"));
            snap("receipt");
            Matcher m = Pattern.compile("Order number (\\d+)").matcher(driver.findElement(By.tagName("body")).getText());
            assertTrue(m.find(), "receipt shows the order number");
            return Long.parseLong(m.group(1));
        }
    }

    private void assertCompleted(long orderId) {
        assertEquals("completed", ConnectIdProbe.order(orderId).getString("orderStatus"));
    }

    private List<Mail> mailsTo(String address) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(until)) {
            List<Mail> mails = mailbox.getMailsSentTo(address);
            if (mails != null && !mails.isEmpty()) {
                return mails;
            }
            Thread.sleep(200);
        }
        return List.of();
    }

    @Test
    void flow1aLoggedInPaysByCardDuringFulfillment() throws Exception {
        try (Browser browser = Browser.start()) {
            Walk walk = new Walk(browser, "1a");
            walk.chooseOffer("digital-month", "card", true);
            walk.logInAtConnectId();
            assertEquals(DEMO_USER, browser.driver().findElement(By.id("email")).getAttribute("value"));
            walk.fillDetails(null);
            walk.confirm();
            walk.payByCard(APPROVED);
            long orderId = walk.receipt();
            assertCompleted(orderId);
            assertThat(browser.driver().getPageSource(), containsString("on your ConnectID account"));
        }
    }

    @Test
    void flow1bGuestPaysByCardAndGetsASetPasswordLink() throws Exception {
        String email = "guest.1b." + System.nanoTime() + "@example.no";
        try (Browser browser = Browser.start()) {
            Walk walk = new Walk(browser, "1b");
            walk.chooseOffer("digital-month", "card", false);
            walk.fillDetails(email);
            walk.confirm();
            walk.payByCard(APPROVED);
            long orderId = walk.receipt();
            assertCompleted(orderId);
            assertThat(browser.driver().getPageSource(), containsString("We have sent a message to " + email));
        }
        assertFalse(mailsTo(email).isEmpty(), "the assign-user e-mail was sent");
    }

    @Test
    void flow2aLoggedInPaysWithVippsFirst() throws Exception {
        try (Browser browser = Browser.start()) {
            Walk walk = new Walk(browser, "2a");
            walk.chooseOffer("digital-year", "vipps", true);
            walk.logInAtConnectId();
            walk.fillDetails(null);
            walk.confirm();
            walk.payByWallet();
            long orderId = walk.receipt();
            assertCompleted(orderId);
        }
    }

    @Test
    void flow2bGuestPaysWithVippsFirstAndGetsAnAccount() throws Exception {
        String email = "guest.2b." + System.nanoTime() + "@example.no";
        try (Browser browser = Browser.start()) {
            Walk walk = new Walk(browser, "2b");
            walk.chooseOffer("digital-month", "vipps", false);
            walk.fillDetails(email);
            walk.confirm();
            walk.payByWallet();
            long orderId = walk.receipt();
            assertCompleted(orderId);
        }
        assertFalse(mailsTo(email).isEmpty(), "the assign-user e-mail was sent");
    }

    @Test
    void guestPaysByInvoiceWithDeliveryAddress() throws Exception {
        String email = "guest.invoice." + System.nanoTime() + "@example.no";
        try (Browser browser = Browser.start()) {
            Walk walk = new Walk(browser, "invoice");
            walk.chooseOffer("print-weekend", "invoice", false);
            walk.waitFor(By.id("street"));
            walk.type(By.id("street"), "Storgata 1");
            walk.type(By.id("city"), "Oslo");
            walk.fillDetails(email);
            walk.confirm();
            long orderId = walk.receipt();
            assertCompleted(orderId);
        }
        assertFalse(mailsTo(email).isEmpty(), "the assign-user e-mail was sent");
    }

    @Test
    void aDeclinedCardEndsOnAClearPageAndNothingIsCompleted() throws Exception {
        try (Browser browser = Browser.start()) {
            Walk walk = new Walk(browser, "declined");
            walk.chooseOffer("digital-month", "card", false);
            walk.fillDetails("declined." + System.nanoTime() + "@example.no");
            walk.confirm();
            walk.payByCard(DECLINED);
            walk.waitFor(By.id("failed"));
            walk.snap("failed");
            assertThat(browser.driver().getPageSource(), containsString("The card payment did not go through (declined, or not approved by your bank), and nothing was charged"));
        }
    }

    @Test
    void aCancelledPaymentGoesBackToReviewAndTheRetrySucceeds() throws Exception {
        try (Browser browser = Browser.start()) {
            Walk walk = new Walk(browser, "cancel-retry");
            walk.chooseOffer("digital-month", "card", false);
            walk.fillDetails("cancel." + System.nanoTime() + "@example.no");
            walk.confirm();
            walk.waitFor(By.id("cardNumber"));
            walk.snap("payment-page");
            walk.click(By.id("cancel"));
            walk.waitFor(By.id("notice"));
            walk.snap("review-cancelled");
            assertThat(browser.driver().getPageSource(), containsString("nothing was charged"));
            walk.confirm();
            walk.payByCard(APPROVED);
            long orderId = walk.receipt();
            assertCompleted(orderId);
        }
    }

    @Test
    void aThreeDSecureCardIsApprovedOnTheChallengePage() throws Exception {
        try (Browser browser = Browser.start()) {
            Walk walk = new Walk(browser, "3ds");
            walk.chooseOffer("digital-month", "card", false);
            walk.fillDetails("threeds." + System.nanoTime() + "@example.no");
            walk.confirm();
            walk.payByCard(THREE_DS);
            walk.waitFor(By.id("approve"));
            walk.snap("3ds-challenge");
            walk.click(By.id("approve"));
            long orderId = walk.receipt();
            assertCompleted(orderId);
        }
    }
}
