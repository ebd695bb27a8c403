package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Coupons, coupon prices and products as the contract shows them, with the seeded catalogue. */
@QuarkusTest
class CatalogueApiTest {

    @Test
    void couponPriceAnswersTheDocumentedShapeWithVatInclusivePrices() {
        api(clientToken()).body("""
                {"couponCode":"PLUS","couponNumber":1,"customerNumber":10,"countryCode":"NO","postalCode":"1273"}""")
                .when().post("/capi/v1/client/coupon/price")
                .then().statusCode(200)
                .header("X-Mediaconnect-Api-Version", notNullValue())
                .header("X-RateLimit-Remaining", notNullValue())
                .header("X-RateLimit-Reset", notNullValue())
                .body("companyCode", equalTo("CCDEMO"))
                .body("product", equalTo("PLUS"))
                .body("price", equalTo(449.00f))
                .body("vatAmount", equalTo(89.80f))
                .body("vatpercent", equalTo(25.00f))
                .body("vatInclude", equalTo(true))
                .body("currency", equalTo("NOK"))
                .body("distAmount", equalTo(0.00f))
                .body("distAmountvat", equalTo(0.00f))
                .body("customerNumber", equalTo(10));
    }

    @Test
    void digitalNewsIsVatFree() {
        api(clientToken()).body("{\"couponCode\":\"DIGI\",\"couponNumber\":12}")
                .when().post("/capi/v1/client/coupon/price")
                .then().statusCode(200)
                .body("price", equalTo(2990.00f)).body("vatAmount", equalTo(0.00f)).body("vatpercent", equalTo(0.00f));
    }

    @Test
    void couponPriceRejectsUnknownAndIncompleteCoupons() {
        String token = clientToken();
        api(token).body("{\"couponCode\":\"NOPE\",\"couponNumber\":1}").when().post("/capi/v1/client/coupon/price")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", notNullValue());
        api(token).body("{\"couponCode\":\"DIGI\"}").when().post("/capi/v1/client/coupon/price")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
        api(token).body("{\"couponCode\":\"DIGI\",").when().post("/capi/v1/client/coupon/price")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
        api(token).body("{\"couponCode\":\"DIGI\",\"couponNumber\":\"one\"}").when().post("/capi/v1/client/coupon/price")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
    }

    @Test
    void couponsForAProductListPeriodsAndRenewal() {
        api(clientToken()).when().get("/capi/v1/client/coupon/DIGI")
                .then().statusCode(200)
                .body("coupons.couponNumber", hasItems(1, 12))
                .body("coupons[0].couponCode", equalTo("DIGI"))
                .body("coupons[0].couponPrice", equalTo("299"))
                .body("coupons[0].periodLength", equalTo("1"))
                .body("coupons[0].periodType", equalTo("months"))
                .body("coupons[0].renewal.renewalPrice", equalTo("299"))
                .body("coupons[0].startTime", notNullValue())
                .body("coupons[0].endTime", notNullValue());
        api(clientToken()).when().get("/capi/v1/client/coupon/PLUS?marketing=true")
                .then().statusCode(200)
                .body("coupons[0].extraProducts[0].productId", equalTo("DIGI"))
                .body("coupons[0].marketing.salesMethod", notNullValue());
    }

    @Test
    void productsListTheCatalogue() {
        api(clientToken()).when().get("/capi/v1/client/product")
                .then().statusCode(200)
                .body("products.product", hasItems("DIGI", "PLUS", "ISSUE-2026-48"))
                .body("products.find { it.product == 'ISSUE-2026-48' }.digital", equalTo(true))
                .body("products.find { it.product == 'ISSUE-2026-48' }.currency", equalTo("NOK"));
    }

    @Test
    void everyEndpointNeedsAValidBearer() {
        // No credentials sent: a bare challenge (RFC 6750 §3.1), the documented body.
        given().when().get("/capi/v1/client/product")
                .then().statusCode(401).body("exceptionType", equalTo("UnauthorizedException"))
                .header("WWW-Authenticate", "Bearer realm=\"connectid\"");
        given().header("Authorization", "Bearer 00000000-0000-0000-0000-000000000000")
                .when().get("/capi/v1/client/coupon/DIGI")
                .then().statusCode(401).body("error", equalTo("invalid_token")).body("error_description", notNullValue())
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
}
