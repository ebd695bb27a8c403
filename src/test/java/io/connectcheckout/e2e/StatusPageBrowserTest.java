package io.connectcheckout.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.checkout.CurrentCheckout;
import io.connectcheckout.checkout.CheckoutSession;
import io.connectcheckout.checkout.ReturnUrls;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14 item 7: the "finishing your order" page is no meta-refresh page (axe: meta-refresh); a
 * small script file (allowed by the Content-Security-Policy) checks again and moves on by itself
 * when the payment completes; without JavaScript its "Check again" link does the same by hand.
 * Phone viewport; the shopper opens the receipt link in another tab without the checkout's cookie
 * while the Vipps payment waits for the app, then approves it in the app: the status tab reaches
 * the receipt with no click.
 */
@QuarkusTest
class StatusPageBrowserTest {

    private static final Pattern PAYMENT_ID = Pattern.compile("/psp/pay/([^/?#]+)");

    @Test
    void theStatusPageMovesOnByItselfWhenThePaymentCompletes() throws Exception {
        String base = "http://localhost:" + RestAssured.port;
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            driver.get(base + "/checkout/demo/digital-month");
            driver.findElement(By.cssSelector("input[name='paymentOption'][value='vipps']")).click();
            driver.findElement(By.cssSelector("button[name='mode'][value='guest']")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("firstName")));
            driver.findElement(By.id("firstName")).sendKeys("Sta");
            driver.findElement(By.id("lastName")).sendKeys("Tus");
            driver.findElement(By.id("email")).sendKeys("status." + System.nanoTime() + "@example.no");
            driver.findElement(By.id("postalCode")).sendKeys("0150");
            driver.findElement(By.id("terms")).click();
            driver.findElement(By.id("continue")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("confirm"))).click();
            By mobile = By.cssSelector("form[action$='/wallet'] input[name='mobile']");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(mobile)).sendKeys("912 34 567");
            driver.findElement(By.cssSelector("form[action$='/wallet'] button[type='submit']")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
            String appTab = driver.getWindowHandle();
            Matcher id = PAYMENT_ID.matcher(driver.getCurrentUrl());
            assertTrue(id.find(), driver.getCurrentUrl());
            // The receipt link of the checkout (as the confirmation e-mail will carry it), opened before
            // the payment is approved: the status page, waiting.
            String receiptLink = QuarkusTransaction.requiringNew().call(() -> {
                CheckoutSession s = CheckoutSession.findByPaymentId(id.group(1)).orElseThrow();
                return Arc.container().instance(ReturnUrls.class).get().signedReceiptPath(s);
            });

            driver.switchTo().newWindow(WindowType.TAB);
            String statusTab = driver.getWindowHandle();
            driver.manage().deleteCookieNamed(CurrentCheckout.COOKIE);
            driver.get(base + receiptLink);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            assertNotNull(driver.findElements(By.id("status-pending")).stream().findFirst().orElse(null),
                    driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("main")).getText());
            String source = driver.getPageSource();
            assertFalse(source.contains("http-equiv=\"refresh\""), "no meta refresh");
            assertNotNull(driver.findElement(By.cssSelector("script[src='/js/status.js']")));
            assertNotNull(driver.findElement(By.id("refresh")), "a Check again link without JavaScript");
            browser.screenshot("status-waiting");

            // Approved in the app: the status tab moves on to the receipt by itself.
            driver.switchTo().window(appTab);
            driver.findElement(By.id("approve")).click();
            driver.switchTo().window(statusTab);
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("receipt")));
            assertTrue(driver.getCurrentUrl().contains("/checkout/receipt"), driver.getCurrentUrl());
            browser.screenshot("status-moved-on");
        }
    }
}
