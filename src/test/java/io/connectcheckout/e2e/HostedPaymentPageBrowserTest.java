package io.connectcheckout.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A shopper pays on the hosted page in a real (headless) Chromium, phone-sized, and returns to the shop. */
@QuarkusTest
class HostedPaymentPageBrowserTest {

    @Test
    void aShopperPaysByCardAndComesBackToTheShop() throws Exception {
        String base = "http://localhost:" + RestAssured.port;
        var created = given().auth().oauth2("psp_test_demo_key").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json")
                .body(Map.of("reference", "browser-" + UUID.randomUUID(),
                        "amount", Map.of("value", 12900, "currency", "NOK"),
                        "description", "Digital – monthly", "method", "card",
                        "returnUrl", base + "/?from=psp"))
                .post("/psp/v1/payments").then().statusCode(201).extract();
        String paymentId = created.path("paymentId");
        String redirectUrl = created.path("redirectUrl");

        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            driver.get(redirectUrl);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cardNumber")));
            assertTrue(driver.getPageSource().contains("NOK 129.00"));
            // Issue 14 item 11: Pay and Cancel far enough apart for a thumb (WCAG 2.2 SC 2.5.8: 24 px).
            Number gap = (Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('cancel').getBoundingClientRect().top"
                            + " - document.getElementById('pay').getBoundingClientRect().bottom;");
            assertTrue(gap.doubleValue() >= 24, "Pay and Cancel " + gap + " px apart");

            // a typo first: the error is announced and tied to the field
            driver.findElement(By.id("cardNumber")).sendKeys("4111 1111 1111 1112");
            driver.findElement(By.id("expiry")).sendKeys("12 / 2039");
            driver.findElement(By.id("cvc")).sendKeys("123");
            driver.findElement(By.id("pay")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
            assertEquals("cardNumber-error", driver.findElement(By.id("cardNumber")).getAttribute("aria-describedby")
                    .split(" ")[0]);
            Path errorShot = browser.screenshot("hosted-payment-page-error");

            driver.findElement(By.id("cardNumber")).sendKeys("4111 1111 1111 1111");
            driver.findElement(By.id("cvc")).sendKeys("123");
            Path shot = browser.screenshot("hosted-payment-page");
            driver.findElement(By.id("pay")).click();
            browser.waiting().until(ExpectedConditions.urlContains("paymentId=" + paymentId));

            assertEquals(base + "/?from=psp&paymentId=" + paymentId, driver.getCurrentUrl());
            assertTrue(Files.size(shot) > 0 && Files.size(errorShot) > 0);
        }
        given().auth().oauth2("psp_test_demo_key").get("/psp/v1/payments/" + paymentId)
                .then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("AUTHORIZED"))
                .body("maskedCard", org.hamcrest.Matchers.equalTo("**** 1111"));
    }
}
