package io.connectcheckout.connectid.sandbox;

import static io.connectcheckout.connectid.sandbox.CidTestSupport.api;
import static io.connectcheckout.connectid.sandbox.CidTestSupport.clientToken;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** List voucher code coupons – client mode (connectid-api-notes.md §2.12), from the seeded campaigns. */
@QuarkusTest
class VoucherCouponsTest {

    /** The seeded campaigns' codes ({@code VoucherSeeder}): running, and ended 31 August 2026. */
    private static final String STUDENT = "STUDENT-2026";
    private static final String EXPIRED = "SOMMER-2026";

    @Test
    void aValidVoucherCodeListsTheCouponsOfItsCampaign() {
        api(clientToken()).when().get("/capi/v1/client/voucher/coupons/" + STUDENT)
                .then().statusCode(200)
                .body("coupons.couponCode", everyItem(equalTo("DIGI")))
                .body("coupons.couponNumber", contains(1, 12))
                .body("coupons[0].couponPrice", equalTo("299"))
                .body("coupons[0].periodType", equalTo("months"))
                .body("coupons[1].renewal.renewalPrice", equalTo("2990"));
    }

    @Test
    void anUnknownExpiredOrTooLongCodeIsAValidationError() {
        String client = clientToken();
        api(client).when().get("/capi/v1/client/voucher/coupons/NO-SUCH-CODE")
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", containsString("Invalid voucher code"));
        api(client).when().get("/capi/v1/client/voucher/coupons/" + EXPIRED)
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"))
                .body("errorMessage", containsString("expired"));
        api(client).when().get("/capi/v1/client/voucher/coupons/" + "X".repeat(37))
                .then().statusCode(400).body("exceptionType", equalTo("ValidationException"));
        String user = BrowserLogin.userTokens(SandboxSeeder.DEMO_EMAIL, SandboxSeeder.DEMO_PASSWORD).get("access");
        api(user).when().get("/capi/v1/client/voucher/coupons/" + STUDENT)
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }
}
