package io.connectcheckout.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.connectcheckout.checkout.CurrentCheckout;
import io.connectcheckout.payment.sandbox.payments.PspPayment;
import io.connectcheckout.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 14: every page state of the browser suite scanned by axe-core for WCAG 2.2 AA (tags
 * wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa), in English and Norwegian, on the phone-sized
 * Chromium of {@link Browser}, with a screenshot of each ({@code target/screenshots/a11y-<state>-<lang>.png}).
 * One browser for the whole walk; the test fails at the end with every violation found (rule,
 * impact, target selectors, page state). The results are written up in {@code docs/accessibility.md}.
 */
@QuarkusTest
class AccessibilityBrowserTest {

    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final Pattern PAYMENT_ID = Pattern.compile("/psp/pay/([^/?#]+)");

    private Browser browser;
    private WebDriver driver;
    private String lang;
    /** Violations per page state ("offer-nb"), in the order scanned; a state with none maps to an empty list. */
    private final Map<String, List<String>> found = new LinkedHashMap<>();

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    @Test
    void everyPageStatePassesAxeForWcag22AaInBothLanguages() throws Exception {
        try (Browser b = Browser.start()) {
            browser = b;
            driver = b.driver();
            phoneViewport();
            for (String language : List.of("en", "nb")) {
                lang = language;
                // ?lang= sets the language cookie, which every later page (the stand-ins' too) follows.
                open("/?lang=" + lang);
                scan("front");
                cardAtFulfillment();
                loginAtConnectId();
                threeDSecure();
                invoiceAndWithdrawal();
                staleFormThenVipps();
                errorPages();
            }
            pastTheWithdrawalPeriod();
            lang = "en";
            open("/accessibility.html");
            waitFor(By.id("main"));
            scan("statement");
            open("/terms-demo.html");
            scan("demo-terms");
            theScanFindsAPlantedViolation();
        }
        report();
    }

    /** Offer, details (empty, with errors), review, the card page (and its errors), Back, a declined card. */
    private void cardAtFulfillment() throws Exception {
        newCheckout();
        offer("card", "continue-guest");
        waitFor(By.id("firstName"));
        scan("details");
        click(By.id("continue"));
        waitFor(By.id("error-summary"));
        scan("details-errors");
        fillDetails(null);
        scan("review");
        click(By.id("confirm"));
        waitFor(By.id("cardNumber"));
        scan("card-page");
        click(By.id("pay"));
        waitFor(By.id("error-summary"));
        scan("card-page-errors");
        // Back from the payment page
        open("/checkout/review");
        waitFor(By.id("pay-again"));
        scan("payment-not-completed");
        click(By.id("pay-again"));
        payByCard(CheckoutBrowserTest.DECLINED);
        waitFor(By.id("failed"));
        scan("failed");
    }

    /** The ConnectID stand-in's login page, the same submitted empty, then the details page logged in. */
    private void loginAtConnectId() throws Exception {
        newCheckout();
        offer("card", "continue-login");
        browser.waiting().until(ExpectedConditions.urlContains("/user/oauth/authorize"));
        waitFor(By.id("credential"));
        scan("connectid-login");
        click(By.cssSelector("form[action='/user/oauth/authorize'] button[type='submit']"));
        waitFor(By.cssSelector("[aria-invalid='true'], .error-summary, #error-summary"));
        scan("connectid-login-error");
        type(By.id("credential"), CheckoutBrowserTest.DEMO_USER);
        type(By.id("password"), CheckoutBrowserTest.DEMO_PASSWORD);
        click(By.cssSelector("form[action='/user/oauth/authorize'] button[type='submit']"));
        waitFor(By.id("logout"));
        scan("details-logged-in");
    }

    /** The stand-in's 3-D Secure challenge page. */
    private void threeDSecure() throws Exception {
        newCheckout();
        offer("card", "continue-guest");
        fillDetails(null);
        click(By.id("confirm"));
        payByCard(CheckoutBrowserTest.THREE_DS);
        waitFor(By.id("approve"));
        scan("3ds-challenge");
    }

    /** Invoice to the receipt, then the withdrawal function: its confirm page and the acknowledgement. */
    private void invoiceAndWithdrawal() throws Exception {
        newCheckout();
        offer("invoice", "continue-guest");
        fillDetails("a11y.invoice." + lang + "." + System.nanoTime() + "@example.no");
        click(By.id("confirm"));
        waitFor(By.id("receipt"));
        scan("receipt");
        click(By.id("withdraw"));
        waitFor(By.id("confirm-withdrawal"));
        scan("withdrawal-confirm");
        click(By.id("confirm-withdrawal"));
        waitFor(By.id("withdrawn-at"));
        scan("withdrawal-acknowledged");
    }

    /**
     * A form out of date (another tab changed the checkout), then the Vipps page, the wallet app's
     * page, and the status page a return without the checkout's cookie shows while the payment is open.
     */
    private void staleFormThenVipps() throws Exception {
        newCheckout();
        offer("card", "continue-guest");
        fillDetails("a11y.stale." + lang + "." + System.nanoTime() + "@example.no");
        String firstTab = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        open("/checkout/details");
        click(By.cssSelector("#payment-choice summary")); // chosen on the offer page; folded on details
        click(By.cssSelector("input[name='paymentOption'][value='vipps']"));
        click(By.id("continue"));
        waitFor(By.id("confirm"));
        driver.close();
        driver.switchTo().window(firstTab);
        click(By.id("confirm"));
        waitFor(By.id("stale-notice"));
        scan("stale-form");

        click(By.id("confirm"));
        By mobile = By.cssSelector("form[action$='/wallet'] input[name='mobile']");
        waitFor(mobile);
        scan("vipps-page");
        type(mobile, "912 34 567");
        click(By.cssSelector("form[action$='/wallet'] button[type='submit']"));
        waitFor(By.id("approve"));
        scan("wallet-app");

        Matcher id = PAYMENT_ID.matcher(driver.getCurrentUrl());
        assertTrue(id.find(), "a payment page address: " + driver.getCurrentUrl());
        String returnUrl = QuarkusTransaction.requiringNew().call(() -> PspPayment.byPaymentId(id.group(1)).returnUrl);
        driver.manage().deleteCookieNamed(CurrentCheckout.COOKIE);
        driver.get(returnUrl);
        waitFor(By.tagName("main"));
        scan("status");
    }

    private void errorPages() throws Exception {
        open("/no-such-page");
        scan("error-404");
        open("/checkout/receipt/CCXXXX?sig=forged");
        scan("error-403");
    }

    /**
     * Once, at the end (the clock only moves forward): a withdrawal link opened after the
     * withdrawal period (the "ended" page), and after its grace too (410, expired link), in both languages.
     */
    private void pastTheWithdrawalPeriod() throws Exception {
        lang = "en";
        newCheckout();
        offer("invoice", "continue-guest");
        fillDetails("a11y.ended." + System.nanoTime() + "@example.no");
        click(By.id("confirm"));
        waitFor(By.id("withdraw"));
        String link = driver.findElement(By.id("withdraw")).getAttribute("href");
        MutableClock.advance(Duration.ofDays(16));
        for (String language : List.of("en", "nb")) {
            lang = language;
            driver.get(link + "&lang=" + lang);
            waitFor(By.id("withdrawal-ended"));
            scan("withdrawal-ended");
        }
        MutableClock.advance(Duration.ofDays(31));
        for (String language : List.of("en", "nb")) {
            lang = language;
            driver.get(link + "&lang=" + lang);
            waitFor(By.tagName("main"));
            scan("error-410");
        }
    }

    /**
     * A phone's viewport, 412×915 CSS px, touch and mobile layout: headless Chromium 156 keeps its
     * window at least 500 px wide whatever {@code --window-size} says, so the size is emulated.
     */
    private void phoneViewport() {
        ((HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 412, "height", 915, "deviceScaleFactor", 1, "mobile", true));
        ((HasCdp) driver).executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
        open("/");
        Object width = ((JavascriptExecutor) driver).executeScript("return window.innerWidth + 'x' + window.innerHeight;");
        assertEquals("412x915", width, "the viewport");
    }

    // --- the walk ---

    /**
     * A new checkout: the browser forgets the current one and the ConnectID stand-in's login
     * session (which would skip its login page), and keeps the language.
     */
    private void newCheckout() {
        driver.manage().deleteAllCookies();
        open("/?lang=" + lang);
    }

    private void offer(String option, String button) throws Exception {
        open("/checkout/demo/digital-month");
        waitFor(By.id("continue-guest"));
        if (!found.containsKey("offer-" + lang)) {
            scan("offer");
        }
        click(By.cssSelector("input[name='paymentOption'][value='" + option + "']"));
        click(By.id(button));
    }

    private void fillDetails(String email) {
        waitFor(By.id("firstName"));
        if (email != null) {
            type(By.id("firstName"), "Ola");
            type(By.id("lastName"), "Nordmann");
            type(By.id("email"), email);
        } else {
            type(By.id("firstName"), "Ola");
            type(By.id("lastName"), "Nordmann");
            type(By.id("email"), "a11y." + System.nanoTime() + "@example.no");
        }
        type(By.id("postalCode"), "0150");
        WebElement terms = driver.findElement(By.id("terms"));
        if (!terms.isSelected()) {
            terms.click();
        }
        click(By.id("continue"));
        waitFor(By.id("confirm"));
    }

    private void payByCard(String number) {
        waitFor(By.id("cardNumber"));
        type(By.id("cardNumber"), number);
        type(By.id("expiry"), "12/39");
        type(By.id("cvc"), "123");
        click(By.id("pay"));
    }

    private void open(String path) {
        driver.get(base() + path);
        waitFor(By.tagName("body"));
    }

    private void click(By by) {
        browser.waiting().until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private void type(By by, String text) {
        WebElement field = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
        field.clear();
        field.sendKeys(text);
    }

    private void waitFor(By by) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(by));
    }

    // --- axe ---

    /** Scans the page as it is now, keeps its violations under {@code state-lang}, and saves a screenshot. */
    private void scan(String state) throws Exception {
        String name = state + "-" + lang;
        browser.screenshot("a11y-" + name);
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        if (results.isErrored()) {
            fail("axe could not scan " + name + " (" + driver.getCurrentUrl() + "): " + results.getErrorMessage());
        }
        List<String> violations = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                violations.add(rule.getId() + " [" + rule.getImpact() + "] " + node.getTarget() + ": " + rule.getHelp());
            }
        }
        assertTrue(!results.getPasses().isEmpty(), "axe checked something on " + name);
        found.put(name, violations);
        System.out.printf("a11y %-32s %d violation(s), %d rules passed, %d to review by hand  %s%n", name,
                violations.size(), results.getPasses().size(), results.getIncomplete().size(), driver.getCurrentUrl());
    }

    /** A control: the same scan on a page given an image without a text alternative reports it. */
    private void theScanFindsAPlantedViolation() {
        open("/");
        ((JavascriptExecutor) driver).executeScript(
                "var img = document.createElement('img'); img.src = '/favicon.svg'; img.id = 'planted';"
                        + " document.getElementById('main').appendChild(img);");
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        assertTrue(results.getViolations().stream().anyMatch(r -> r.getId().equals("image-alt")),
                "axe reports the planted image without alt text");
    }

    private void report() {
        StringBuilder failures = new StringBuilder();
        found.forEach((state, violations) -> violations.forEach(v -> failures.append("\n  ").append(state).append(": ").append(v)));
        if (failures.length() > 0) {
            fail("axe found WCAG 2.2 AA violations in " + found.values().stream().filter(v -> !v.isEmpty()).count()
                    + " of " + found.size() + " page states:" + failures);
        }
    }
}
