package io.connectcheckout.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LandingResourceTest {

    @Test
    void listsTheDemoPublishersOffersWithCheckoutLinks() {
        given().header("Accept-Language", "en").when().get("/")
                .then().statusCode(200)
                .body(containsString("<h1>Connect Checkout</h1>"))
                .body(containsString("Offers from Dagsavisen Demo"))
                .body(containsString("Digital – monthly"))
                .body(containsString("Digital – yearly"))
                .body(containsString("Weekend paper + digital"))
                .body(containsString("href=\"/checkout/demo/digital-month\""))
                .body(containsString("href=\"/checkout/demo/print-weekend\""));
    }

    @Test
    void offerTextsAreTranslated() {
        given().header("Accept-Language", "nb").when().get("/")
                .then().statusCode(200)
                .body(containsString("Digital – månedlig"))
                .body(containsString("Helgeavis + digital"));
    }

    @Test
    void theBrandStylesheetCarriesThePublishersColours() {
        given().when().get("/brand/demo.css")
                .then().statusCode(200)
                .contentType(containsString("text/css"))
                .body(containsString("--brand:#7a1f2b"));
        given().when().get("/brand/nobody.css").then().statusCode(404);
    }
}
