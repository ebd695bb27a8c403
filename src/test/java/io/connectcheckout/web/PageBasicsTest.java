package io.connectcheckout.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 15, the basics of every page: a favicon, a meta description, static text sent
 * compressed (HTML not: BREACH), the stylesheet under a versioned URL cached for a year, and a
 * focus outline of at least 3:1 against the page (WCAG 2.2 SC 1.4.11), read from the served CSS.
 */
@QuarkusTest
class PageBasicsTest {

    private static final List<String> PAGES = List.of("/", "/checkout/demo/digital-month", "/no-such-page");

    @Test
    void everyPageHasAFaviconAMetaDescriptionAndAVersionedStylesheet() {
        for (String path : PAGES) {
            Document page = Jsoup.parse(given().when().get(path).asString());
            String icon = page.selectFirst("link[rel=icon]").attr("href");
            given().when().get(icon).then().statusCode(200).contentType(containsString("image/svg+xml"));
            String description = page.selectFirst("meta[name=description]").attr("content");
            assertThat(path, description.length(), greaterThanOrEqualTo(40));
            String css = page.selectFirst("link[rel=stylesheet]").attr("href");
            assertTrue(css.matches("/css/app\\.css\\?v=[0-9a-f]{12}"), path + ": " + css);
        }
    }

    /** Issue 14 item 5: the trader's legal name, organisation number and address in every checkout page's footer. */
    @Test
    void everyCheckoutPageNamesTheTraderInItsFooter() {
        io.connectcheckout.publisher.Publisher demo = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> io.connectcheckout.publisher.Publisher.findBySlug("demo").orElseThrow());
        io.connectcheckout.testing.Shopper shopper = io.connectcheckout.testing.Checkouts.atReview("invoice",
                "footer-" + System.nanoTime() + "@example.no");
        Document offer = Jsoup.parse(given().when().get("/checkout/demo/digital-month").asString());
        for (Document page : List.of(offer, shopper.page().document())) {
            String footer = page.selectFirst("footer #company").text();
            assertThat(footer, containsString(demo.companyName));
            assertThat(footer, containsString(demo.organisationNumber));
            assertThat(footer, containsString(demo.postalAddress));
        }
    }

    @Test
    void theVersionedStylesheetIsCachedForAYearAndAnythingElseIsNot() {
        String css = Jsoup.parse(given().when().get("/").asString()).selectFirst("link[rel=stylesheet]").attr("href");
        Response versioned = given().when().get(css);
        assertEquals(200, versioned.statusCode());
        assertEquals("public, max-age=31536000, immutable", versioned.header("Cache-Control"));
        for (String other : List.of("/css/app.css", "/css/app.css?v=000000000000")) {
            String cacheControl = given().when().get(other).header("Cache-Control");
            assertFalse(cacheControl != null && cacheControl.contains("31536000"), other + ": " + cacheControl);
        }
    }

    @Test
    void staticTextIsCompressedAndPagesAreNot() {
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        Response css = given().config(raw).header("Accept-Encoding", "gzip").when().get("/css/app.css");
        assertEquals("gzip", css.header("Content-Encoding"));
        Response page = given().config(raw).header("Accept-Encoding", "gzip").when().get("/checkout/demo/digital-month");
        assertNull(page.header("Content-Encoding"), "HTML holds a CSRF token beside reflected text (BREACH)");
    }

    @Test
    void theFocusOutlineContrastsAtLeastThreeToOneWithThePage() {
        String css = given().when().get("/css/app.css").asString();
        String focus = variable(css, "--focus");
        String halo = variable(css, "--focus-halo");
        String background = variable(css, "--bg");
        String brand = variable(css, "--brand");
        Matcher rule = Pattern.compile(":focus-visible[^{]*\\{([^}]*)\\}").matcher(css);
        assertTrue(rule.find(), "a :focus-visible rule");
        assertThat(rule.group(1), containsString("outline: 3px solid var(--focus)"));
        assertThat(rule.group(1), containsString("var(--focus-halo)"));
        // The dark ring against the page, the light ring against the brand-coloured header.
        assertThat(contrast(focus, background), greaterThanOrEqualTo(3.0));
        assertThat(contrast(halo, brand), greaterThanOrEqualTo(3.0));
    }

    private static String variable(String css, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + ":\\s*(#[0-9a-fA-F]{6})").matcher(css);
        assertTrue(m.find(), name);
        return m.group(1);
    }

    /** WCAG 2.2's contrast ratio of two sRGB colours written #rrggbb. */
    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        assertNotNull(c);
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
