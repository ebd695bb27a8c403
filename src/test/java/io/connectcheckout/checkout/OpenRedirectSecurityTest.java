package io.connectcheckout.checkout;

import static io.connectcheckout.testing.Checkouts.atReview;
import static io.connectcheckout.testing.Checkouts.payer;
import static io.connectcheckout.testing.Checkouts.query;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.connectid.sandbox.CidTestSupport;
import io.connectcheckout.connectid.sandbox.RateLimiter;
import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Open redirects, generated: every place in the application that answers with a redirect (the
 * checkout's pages, forms and return links, the ConnectID sandbox's login, logout and fulfillment
 * URLs, the payment sandbox's API and hosted page, the support search) gets every hostile value
 * in every parameter that could end up in a {@code Location}: the parameters each one really
 * reads, the ones it must ignore ({@code returnUrl}, {@code redirect}, {@code next},
 * {@code redirect_uri}, {@code return_to}, …) and its path segments.
 *
 * <p>The hostile values are a base list ({@code //evil.example}, {@code /\evil.example},
 * {@code https:evil.example}, user-info and fragment tricks, {@code javascript:}, CR/LF header
 * injection) and, generated from each, percent-encoded (upper and lower case hex), double-encoded,
 * delimiter-only encoded, and tab-, space-, {@code %09}- and {@code %20}-prefixed forms. They are
 * sent over a raw socket, so the bytes on the wire are exactly the test's: once percent-encoded
 * (the server sees the value itself) and, for values with characters a URL cannot carry as they
 * are, also raw.
 *
 * <p>An answer passes when it is not a 5xx, carries no injected header, and any {@code Location}
 * it has — read the way a browser reads it (tabs and newlines dropped, {@code \} taken for
 * {@code /}, {@code https:host} and {@code ///host} taken as a host) and resolved against the
 * request URL — is http(s) on localhost or a host the demo publisher registered. Where a
 * parameter really decides the destination (OAuth {@code redirect_uri}, fulfillment
 * {@code returnUrl}/{@code errorUrl}, logout {@code returnUrl}, Assign user's link URLs, the
 * payment's {@code returnUrl}/{@code callbackUrl}), a hostile value must be refused outright: no
 * redirect at all, or a 4xx from the API.
 */
@QuarkusTest
class OpenRedirectSecurityTest {

    @Inject
    RateLimiter sandboxLimits;

    /**
     * Thousands of requests in a minute, many of them calling ConnectID: above the sandbox's own
     * per-client rate limit, whose 429s would open the checkout's circuit breaker. Raised for this
     * class only, and put back (with fresh counters) after each test, so that load does not reach
     * the other test classes.
     */
    @BeforeEach
    void manyRequests() {
        sandboxLimits.limitForTests(100_000, 1_000_000);
    }

    @AfterEach
    void configuredLimits() {
        sandboxLimits.restoreConfiguredLimitsForTests();
    }

    static final List<String> BASE = List.of(
            "//evil.example", "//evil.example/%2F..", "///evil.example", "////evil.example/x",
            "/\\evil.example", "\\/evil.example", "\\\\evil.example", "/\\/evil.example",
            "https://evil.example", "http://evil.example/", "HTTPS://EVIL.EXAMPLE/", "https:evil.example",
            "https:/evil.example", "http://localhost@evil.example/", "http://localhost:8482@evil.example/",
            "http://evil.example#@localhost/", "http://evil.example\\@localhost/", "https://localhost.evil.example/",
            "http://evil.example?.localhost/", "//evil.example/{x}", "javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)",
            "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "/checkout/details\r\nX-Injected: yes");

    /** Parameters no page of the checkout reads; a redirect must never depend on them. */
    static final List<String> IGNORED = List.of("returnUrl", "redirect", "next", "redirect_uri", "return_to", "url",
            "continue", "target", "lang");

    static final List<String> HOSTILE = hostileValues();

    static final Set<String> ALLOWED_HOSTS = Set.of("localhost", "127.0.0.1", "demo.connectcheckout.io");

    // ---- the generator --------------------------------------------------------------------------

    static List<String> hostileValues() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (String base : BASE) {
            String encoded = encodeAll(base, true);
            all.add(base);
            all.add(encoded);
            all.add(encodeAll(base, false));
            all.add(encodeAll(encoded, true));
            all.add(encodeDelimiters(base));
            all.add("\t" + base);
            all.add("%09" + base);
            all.add(" " + base);
            all.add("%20" + base);
            all.add(base + "\r\nX-Injected: yes");
            all.add(base + "%0d%0aX-Injected:%20yes");
        }
        all.add("\r\nSet-Cookie: injected=1");
        all.add("%0d%0aSet-Cookie:%20injected=1");
        all.add("%0D%0ASet-Cookie:%20injected=1");
        // U+560A U+560D: their low bytes are CR and LF, for servers that truncate characters to bytes.
        all.add("\u560a\u560dX-Injected: yes");
        return List.copyOf(all);
    }

    /** Percent-encodes every byte but the unreserved ones (RFC 3986), in upper or lower case hex. */
    static String encodeAll(String value, boolean upper) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                String hex = String.format("%%%02X", c);
                out.append(upper ? hex : hex.toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    /** Encodes only the characters that make a URL absolute or change its host: / \ : @ # ?. */
    static String encodeDelimiters(String value) {
        return value.replace("/", "%2F").replace("\\", "%5C").replace(":", "%3A").replace("@", "%40")
                .replace("#", "%23").replace("?", "%3F");
    }

    /** The forms a value takes on the wire: always encoded; also raw when a URL cannot carry it as it is. */
    static List<String> wireForms(String value) {
        String encoded = encodeAll(value, true);
        boolean needsRaw = !value.matches("[A-Za-z0-9\\-._~%/:@!$'()*,;]*");
        boolean carriable = value.indexOf('\r') < 0 && value.indexOf('\n') < 0;
        return needsRaw && carriable ? List.of(encoded, value) : List.of(encoded);
    }

    // ---- the checker ------------------------------------------------------------------------------

    /**
     * Why a Location would send a browser off the allowed hosts, or null when it does not. Reads it
     * as the WHATWG URL parser does for an http(s) base.
     */
    static String unsafe(URI base, String location) {
        if (location.indexOf('\r') >= 0 || location.indexOf('\n') >= 0) {
            return "CR/LF in Location";
        }
        String s = location.replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "")
                .replace('\\', '/');
        URI target;
        try {
            Matcher scheme = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):(.*)$", Pattern.DOTALL).matcher(s);
            if (scheme.matches()) {
                String name = scheme.group(1).toLowerCase(Locale.ROOT);
                String rest = scheme.group(2);
                if (!name.equals("http") && !name.equals("https")) {
                    return "scheme " + name + ":";
                }
                if (name.equals(base.getScheme()) && !rest.startsWith("//")) {
                    target = base.resolve(parse(rest));       // "http:path" is relative to an http base
                } else {
                    target = parse(name + "://" + rest.replaceFirst("^/+", ""));
                }
            } else if (s.startsWith("//")) {
                target = parse(base.getScheme() + "://" + s.replaceFirst("^/+", ""));
            } else {
                target = base.resolve(parse(s));
            }
        } catch (URISyntaxException e) {
            return "unparseable Location " + location;
        }
        String host = target.getHost();
        if (host == null) {
            return "no host in " + target;
        }
        if (!ALLOWED_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            return "host " + host;
        }
        return null;
    }

    /** Parses after percent-encoding what java.net.URI refuses but a browser encodes for itself. */
    private static URI parse(String s) throws URISyntaxException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean validPercent = c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
            if (c == '%' && !validPercent) {
                out.append("%25");
            } else if (c <= 0x20 || c >= 0x7f || "\"<>^`{|}".indexOf(c) >= 0) {
                out.append(encodeAll(String.valueOf(c), true));
            } else {
                out.append(c);
            }
        }
        return new URI(out.toString());
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    @Test
    void theCheckerRecognisesWhatABrowserWouldFollowOffSite() {
        URI base = URI.create("http://localhost:8482/checkout/status");
        for (String location : List.of("//evil.example", "/\\evil.example", "\\\\evil.example", "///evil.example",
                "https://evil.example", "https:evil.example", "https:/evil.example", " //evil.example",
                "\t//evil.example", "/\t/evil.example", "http://localhost@evil.example/", "http://evil.example#@localhost",
                "javascript:alert(1)", "data:text/html,x", "/x\r\nX-Injected: yes")) {
            assertNotNull(unsafe(base, location), location + " must be judged unsafe");
        }
        for (String location : List.of("/checkout/details", "http://localhost:8482/checkout/receipt", "status",
                "http:details", "https://demo.connectcheckout.io/x", "/%2F%2Fevil.example", "//evil.example@localhost/")) {
            assertNull(unsafe(base, location), location + " is on this site");
        }
        assertTrue(HOSTILE.size() > 250, "generated " + HOSTILE.size());
        assertTrue(HOSTILE.contains("%2F%2Fevil.example") && HOSTILE.contains("%2f%5cevil.example")
                && HOSTILE.contains("https%3A%2F%2Fevil.example") && HOSTILE.contains("%252F%252Fevil.example")
                && HOSTILE.contains("%09//evil.example") && HOSTILE.contains("//evil.example%0d%0aX-Injected:%20yes"));
    }

    // ---- the checkout ---------------------------------------------------------------------------------

    @Test
    void checkoutPagesIgnoreRedirectParameters() {
        Findings findings = new Findings();
        Shopper fresh = atReview("invoice", "redirect.pages@example.no");
        Map<String, String> cookies = fresh.cookies();
        for (String value : HOSTILE) {
            for (String wire : wireForms(value)) {
                String ignored = ignoredQuery(wire);
                findings.check(send("GET", "/?" + ignored, Map.of(), null));
                findings.check(send("GET", Checkouts.OFFER + "?" + ignored, Map.of(), null));
                for (String page : List.of("/checkout/details", "/checkout/review", "/checkout/status",
                        "/checkout/receipt", "/checkout/failed")) {
                    findings.check(send("GET", page + "?" + ignored, cookies, null));
                }
                // Without a checkout every page sends the browser home, whatever it asks for.
                findings.check(send("GET", "/checkout/review?" + ignored, Map.of(), null));
                findings.check(send("GET", "/checkout/auth/callback?error=" + wire + "&state=" + wire + "&" + ignored,
                        cookies, null));
                findings.check(send("GET", "/checkout/auth/callback?code=" + wire + "&state=" + wire + "&" + ignored,
                        cookies, null));
            }
        }
        findings.assertNone();
        assertTrue(findings.redirects > HOSTILE.size(), "the pages did redirect: " + findings.redirects);
    }

    @Test
    void checkoutFormsIgnoreRedirectParameters() {
        Findings findings = new Findings();
        Shopper offer = new Shopper();
        offer.open(Checkouts.OFFER);
        String offerToken = csrf(offer, "form[action='" + Checkouts.OFFER + "']");
        Shopper details = atReview("invoice", "redirect.forms@example.no");
        details.open("/checkout/details");
        String detailsFields = details.hiddenFields("form[action='/checkout/details']");
        int i = 0;
        for (String value : HOSTILE) {
            String wire = encodeAll(value, true);
            String ignored = ignoredQuery(wire);
            String mode = i++ % 2 == 0 ? "guest" : "login";
            findings.check(post(Checkouts.OFFER, offer.cookies(),
                    "csrf-token=" + offerToken + "&paymentOption=invoice&mode=" + mode + "&" + ignored));
            findings.check(post(Checkouts.OFFER, offer.cookies(),
                    "csrf-token=" + offerToken + "&paymentOption=" + wire + "&mode=" + wire + "&" + ignored));
            findings.check(post("/checkout/details", details.cookies(),
                    detailsFields + "&" + form(payer("redirect.forms@example.no")) + "&" + ignored));
            findings.check(post("/checkout/login", details.cookies(), detailsFields + "&" + ignored));
        }
        // Logging out issues a new session cookie each time: follow it.
        for (String value : HOSTILE) {
            Answer out = post("/checkout/logout", details.cookies(),
                    detailsFields + "&" + ignoredQuery(encodeAll(value, true)));
            findings.check(out);
            out.cookies().forEach(details.cookies()::put);
        }
        // Confirming: a card order goes to ConnectID's fulfillment with our own return URLs, then
        // every further confirm to the checkout's own pages.
        Shopper card = atReview("card", "redirect.confirm@example.no");
        String cardFields = card.hiddenFields("form[action='/checkout/confirm']");
        for (String value : HOSTILE) {
            Answer confirm = post("/checkout/confirm", card.cookies(),
                    cardFields + "&" + ignoredQuery(encodeAll(value, true)));
            findings.check(confirm);
            if (confirm.location() != null && confirm.location().contains("/user/fulfillment")) {
                URI fulfillment = URI.create(confirm.location());
                assertNull(unsafe(fulfillment, query(fulfillment, "returnUrl")));
                assertNull(unsafe(fulfillment, query(fulfillment, "errorUrl")));
                assertThat(query(fulfillment, "returnUrl"), containsString("/checkout/return/"));
            }
        }
        findings.assertNone();
        assertTrue(findings.redirects >= 4 * HOSTILE.size(), "the forms did redirect: " + findings.redirects);
    }

    @Test
    void checkoutReturnLinksAndPathsIgnoreRedirectParameters() {
        Findings findings = new Findings();
        // A return link from ConnectID's fulfillment (card) and one from the payment page (Vipps, prepaid).
        Shopper card = atReview("card", "redirect.return@example.no");
        Shopper.Page toFulfillment = card.submit("form[action='/checkout/confirm']", Map.of(), null);
        String returnUrl = query(URI.create(toFulfillment.location()), "returnUrl");
        String returnPath = URI.create(returnUrl).getRawPath() + "?" + URI.create(returnUrl).getRawQuery();
        Shopper vipps = atReview("vipps", "redirect.paid@example.no");
        vipps.follow(vipps.submit("form[action='/checkout/confirm']", Map.of(), null));
        vipps.follow(vipps.submit("form[action$='/wallet']", Map.of("mobile", "912 34 567"), null));
        Shopper.Page approved = vipps.submit("form[action$='/wallet/confirm']", Map.of(), "decision=approve");
        URI paid = URI.create(approved.location());
        String paidPath = paid.getRawPath() + "?" + paid.getRawQuery();

        for (String value : HOSTILE) {
            for (String wire : wireForms(value)) {
                String ignored = ignoredQuery(wire);
                String hint = "&fulfillmentStatus=" + wire + "&" + ignored;
                // With and without the checkout's cookie (a return in another browser).
                findings.check(send("GET", returnPath + hint, card.cookies(), null));
                findings.check(send("GET", returnPath + hint, Map.of(), null));
                findings.check(send("GET", paidPath + "&" + ignored, vipps.cookies(), null));
                findings.check(send("GET", paidPath + "&" + ignored, Map.of(), null));
                findings.check(send("GET", "/checkout/receipt/CCNOSUCH?sig=" + wire + "&" + ignored, Map.of(), null));
            }
            for (String segment : pathForms(value)) {
                findings.check(send("GET", "/checkout/return/" + segment + "?sig=x", Map.of(), null));
                findings.check(send("GET", "/checkout/paid/" + segment + "?sig=x", Map.of(), null));
                findings.check(send("GET", "/checkout/receipt/" + segment + "?sig=x", Map.of(), null));
                findings.check(send("GET", "/checkout/" + segment + "/digital-month", Map.of(), null));
                findings.check(send("GET", "/checkout/demo/" + segment, Map.of(), null));
                findings.check(send("GET", "/psp/pay/" + segment, Map.of(), null));
                findings.check(send("GET", "/user/link/" + segment, Map.of(), null));
            }
        }
        findings.assertNone();
        assertTrue(findings.redirects >= 2 * HOSTILE.size(), "the return links did redirect: " + findings.redirects);
    }

    // ---- the ConnectID sandbox ------------------------------------------------------------------------

    @Test
    void theLoginServerNeverRedirectsToAnUnregisteredUri() {
        Findings findings = new Findings();
        String registered = Shopper.absolute("/checkout/auth/callback");
        String authorize = "/user/oauth/authorize?client_id=" + CidTestSupport.CLIENT + "&response_type=code&state=s1";
        // A browser that is logged in at ConnectID (it would get a code at once for a registered URI).
        Shopper browser = new Shopper();
        Shopper.Page login = browser.open(authorize + "&redirect_uri=" + encodeAll(registered, true));
        assertEquals(200, login.status());
        String token = csrf(login, "form[action='/user/oauth/authorize']");
        Shopper.Page loggedIn = browser.submit("form[action='/user/oauth/authorize']",
                Map.of("credential", "kari.nordmann@example.no", "password", "Demo-passord-1"), null);
        assertEquals(303, loggedIn.status());
        assertTrue(loggedIn.location().startsWith(registered + "?code="), loggedIn.location());
        Map<String, String> anonymous = Map.of("csrf-token", browser.cookies().get("csrf-token"));

        for (String value : HOSTILE) {
            for (String wire : wireForms(value)) {
                String hostile = "/user/oauth/authorize?client_id=" + CidTestSupport.CLIENT
                        + "&response_type=code&state=s1&redirect_uri=" + wire;
                findings.refused(send("GET", hostile, anonymous, null));
                findings.refused(send("GET", hostile, browser.cookies(), null));
                findings.refused(send("GET", hostile.replace("/authorize?", "/authorize/code?"), anonymous, null));
                // A registered URI with a hostile state and extras: the code goes to the registered URI only.
                findings.check(send("GET", "/user/oauth/authorize?client_id=" + CidTestSupport.CLIENT
                        + "&response_type=code&state=" + wire + "&redirect_uri=" + encodeAll(registered, true)
                        + "&" + ignoredQuery(wire), browser.cookies(), null));
                findings.refused(send("GET", "/user/logout?clientId=" + CidTestSupport.CLIENT + "&returnUrl=" + wire,
                        anonymous, null));
            }
            String wire = encodeAll(value, true);
            String fields = "csrf-token=" + token + "&client_id=" + CidTestSupport.CLIENT
                    + "&response_type=code&state=s1&redirect_uri=" + wire;
            findings.refused(post("/user/oauth/authorize", anonymous,
                    fields + "&credential=kari.nordmann%40example.no&password=Demo-passord-1"));
            findings.refused(post("/user/oauth/authorize/code", anonymous, fields + "&credential=kari.nordmann%40example.no"));
            findings.refused(post("/user/oauth/authorize/code/verify", anonymous,
                    fields + "&credential=kari.nordmann%40example.no&code=123456"));
        }
        // The controls: a registered return URL is followed, so the refusals above are real.
        Answer logout = send("GET", "/user/logout?clientId=" + CidTestSupport.CLIENT + "&returnUrl="
                + encodeAll(Shopper.absolute("/"), true), anonymous, null);
        assertEquals(303, logout.status());
        findings.assertNone();
    }

    @Test
    void fulfillmentAndAssignUserRefuseForeignReturnAndErrorUrls() {
        Findings findings = new Findings();
        String token = CidTestSupport.clientToken();
        long orderId = CidTestSupport.register(token, CidTestSupport.order(CidTestSupport.uniqueId(), "invoice"));
        String legit = encodeAll(Shopper.absolute("/checkout/return/X?sig=y"), true);
        String visit = "/user/fulfillment?clientId=" + CidTestSupport.CLIENT + "&orderId=" + orderId;
        for (String value : HOSTILE) {
            for (String wire : wireForms(value)) {
                findings.refused(send("GET", visit + "&returnUrl=" + wire + "&errorUrl=" + legit, Map.of(), null));
                findings.refused(send("GET", visit + "&returnUrl=" + legit + "&errorUrl=" + wire, Map.of(), null));
                findings.refused(send("GET", visit + "&returnUrl=" + wire, Map.of(), null));
                findings.refused(send("GET", "/user/fulfillment/return?orderId=" + wire + "&" + ignoredQuery(wire),
                        Map.of(), null));
            }
            for (String field : List.of("returnUrl", "errorUrl")) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("credential", "redirect." + UUID.randomUUID() + "@example.no");
                body.put("isSendMessage", true);
                body.put("returnUrl", Shopper.absolute("/"));
                body.put("errorUrl", Shopper.absolute("/"));
                body.put("overrideClientId", CidTestSupport.CLIENT);
                body.put(field, value);
                int status = CidTestSupport.api(token).body(body)
                        .when().post("/capi/v1/client/order/" + orderId + "/user").statusCode();
                findings.apiRefused("Assign user " + field + "=" + printable(value), status);
            }
        }
        // The control: with both URLs on the registered host the order completes and the browser goes back.
        Answer back = send("GET", visit + "&returnUrl=" + legit + "&errorUrl=" + legit, Map.of(), null);
        assertEquals(303, back.status());
        assertTrue(back.location().startsWith(Shopper.absolute("/checkout/return/X?sig=y&fulfillmentStatus=")),
                back.location());
        findings.assertNone();
    }

    // ---- the payment sandbox ----------------------------------------------------------------------

    @Test
    void thePaymentProviderRefusesForeignReturnAndCallbackUrlsAndTheHostedPageIgnoresParameters() {
        Findings findings = new Findings();
        String legit = Shopper.absolute("/checkout/paid/X?sig=y");
        for (String value : HOSTILE) {
            findings.apiRefused("returnUrl=" + printable(value), createPayment(value, null).statusCode());
            findings.apiRefused("callbackUrl=" + printable(value), createPayment(legit, value).statusCode());
        }
        // The hosted page: its own steps, then back to the registered return URL whatever the form adds.
        int i = 0;
        for (String value : HOSTILE) {
            io.restassured.response.Response created = createPayment(legit, null);
            assertEquals(201, created.statusCode(), created.asString());
            String id = created.path("paymentId");
            String wire = encodeAll(value, true);
            Shopper shopper = new Shopper();
            shopper.get("/psp/pay/" + id);
            for (String form : wireForms(value)) {
                findings.check(send("GET", "/psp/pay/" + id + "?" + ignoredQuery(form), shopper.cookies(), null));
            }
            String token = csrf(shopper, "form[action$='/card']");
            Answer done = i++ % 2 == 0
                    ? post("/psp/pay/" + id + "/card", shopper.cookies(), "csrf-token=" + token
                            + "&cardNumber=4111111111111111&expiry=12%2F39&cvc=123&" + ignoredQuery(wire))
                    : post("/psp/pay/" + id + "/cancel", shopper.cookies(), "csrf-token=" + token + "&"
                            + ignoredQuery(wire));
            findings.check(done);
            assertEquals(legit + "&paymentId=" + id, done.location(), "back to the registered return URL only");
        }
        findings.assertNone();
    }

    // ---- the support view ---------------------------------------------------------------------------

    @Test
    void theSupportSearchOnlyRedirectsToTheSupportView() {
        Findings findings = new Findings();
        String operator = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "operator:support-test-password".getBytes(StandardCharsets.UTF_8));
        String reference = Checkouts.reference(
                Checkouts.completedInvoiceCheckout("redirect.support@example.no"));
        // Every check costs a bcrypt verification: the base list, encoded once and raw.
        for (String value : BASE) {
            for (String wire : wireForms(encodeAll(value, true))) {
                findings.check(send("GET", "/support?reference=" + wire + "&" + ignoredQuery(wire), Map.of(),
                        operator));
            }
            findings.check(send("GET", "/support?reference=" + reference + "&" + ignoredQuery(encodeAll(value, true)),
                    Map.of(), operator));
        }
        findings.assertNone();
        assertTrue(findings.redirects >= BASE.size(), "the search did redirect: " + findings.redirects);
    }

    // ---- plumbing -------------------------------------------------------------------------------------

    private static String ignoredQuery(String wire) {
        StringBuilder q = new StringBuilder();
        for (String name : IGNORED) {
            q.append(q.length() == 0 ? "" : "&").append(name).append('=').append(wire);
        }
        return q.toString();
    }

    /** A value as a path segment: encoded, and raw when it is not a URL already. */
    private static List<String> pathForms(String value) {
        List<String> forms = new ArrayList<>(List.of(encodeAll(value, true)));
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0 && value.indexOf(' ') < 0 && value.indexOf('\t') < 0
                && value.indexOf('?') < 0 && value.indexOf('#') < 0) {
            forms.add(value);
        }
        return forms;
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(encodeAll(v == null ? "" : v, true)));
        return body.toString();
    }

    private static String csrf(Shopper shopper, String formSelector) {
        return csrf(shopper.page(), formSelector);
    }

    private static String csrf(Shopper.Page page, String formSelector) {
        return page.form(formSelector).selectFirst("input[name=csrf-token]").attr("value");
    }

    private static io.restassured.response.Response createPayment(String returnUrl, String callbackUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", "redirect-" + UUID.randomUUID());
        body.put("amount", Map.of("value", 29900, "currency", "NOK"));
        body.put("description", "Digital – monthly");
        body.put("method", "card");
        body.put("returnUrl", returnUrl);
        if (callbackUrl != null) {
            body.put("callbackUrl", callbackUrl);
        }
        return given().auth().oauth2("psp_test_demo_key").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(body).when().post("/psp/v1/payments");
    }

    private static Answer post(String path, Map<String, String> cookies, String body) {
        return send("POST", path, cookies, body);
    }

    /** One request over a raw socket: the request line carries exactly the bytes given. */
    static Answer send(String method, String target, Map<String, String> cookies, String bodyOrAuthorization) {
        boolean post = method.equals("POST");
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(RestAssured.port).append("\r\n")
                .append("Accept: text/html\r\nAccept-Language: en\r\nConnection: close\r\n");
        if (!cookies.isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            cookies.forEach((k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            head.append("Cookie: ").append(cookie).append("\r\n");
        }
        byte[] body = new byte[0];
        if (post) {
            body = bodyOrAuthorization.getBytes(StandardCharsets.UTF_8);
            head.append("Content-Type: application/x-www-form-urlencoded\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
        } else if (bodyOrAuthorization != null) {
            head.append("Authorization: ").append(bodyOrAuthorization).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return Answer.parse(method + " " + target, answer.toByteArray());
        } catch (IOException e) {
            throw new AssertionError(method + " " + printable(target) + ": " + e, e);
        }
    }

    /** What came back: status and header lines as a browser would split them (on LF, CR dropped). */
    record Answer(String request, int status, List<String[]> headers) {

        static Answer parse(String request, byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String[] lines = head.split("\n");
            if (lines.length == 0 || !lines[0].startsWith("HTTP/1.1 ")) {
                // The server dropped the connection: not a redirect, not an error page.
                return new Answer(request, 0, List.of());
            }
            int status = Integer.parseInt(lines[0].substring(9, 12));
            List<String[]> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].replace("\r", "");
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
                }
            }
            return new Answer(request, status, headers);
        }

        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        String location() {
            return header("Location");
        }

        /** Cookies it sets (name → value), for following a new session id. */
        Map<String, String> cookies() {
            Map<String, String> set = new LinkedHashMap<>();
            headers.stream().filter(h -> h[0].equalsIgnoreCase("Set-Cookie")).forEach(h -> {
                String pair = h[1].split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    set.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            });
            return set;
        }
    }

    /** Collects every problem so one run shows them all. */
    static final class Findings {
        final List<String> problems = new ArrayList<>();
        int checked;
        int redirects;

        /** Any answer: no 5xx, no injected header, any Location on an allowed host. */
        void check(Answer answer) {
            checked++;
            if (answer.status() >= 500) {
                problems.add(answer.status() + " for " + printable(answer.request()));
            }
            for (String[] header : answer.headers()) {
                if (header[0].equalsIgnoreCase("X-Injected")
                        || header[0].equalsIgnoreCase("Set-Cookie") && header[1].contains("injected")) {
                    problems.add("injected header " + header[0] + " for " + printable(answer.request()));
                }
            }
            String location = answer.location();
            if (location != null) {
                redirects++;
                String path = answer.request().split(" ", 2)[1];
                URI base = URI.create("http://localhost:" + RestAssured.port
                        + path.replaceAll("[?#].*$", "").replaceAll("[^A-Za-z0-9\\-._~/%]", "_"));
                String why = unsafe(base, location);
                if (why != null) {
                    problems.add(why + ": " + answer.status() + " Location " + printable(location) + " for "
                            + printable(answer.request()));
                }
            }
        }

        /** A parameter that decides the destination got a hostile value: no redirect at all. */
        void refused(Answer answer) {
            check(answer);
            if (answer.location() != null || answer.status() / 100 == 3) {
                problems.add("redirected (" + answer.status() + " " + printable(answer.location()) + ") for "
                        + printable(answer.request()));
            }
        }

        /** An API call with a hostile URL: a 4xx. */
        void apiRefused(String what, int status) {
            checked++;
            if (status < 400 || status >= 500) {
                problems.add("HTTP " + status + " for " + what);
            }
        }

        void assertNone() {
            System.out.printf("[redirects] %s: %d answers checked, %d redirects, %d unsafe%n",
                    StackWalker.getInstance().walk(f -> f.skip(1).findFirst().map(StackWalker.StackFrame::getMethodName)
                            .orElse("?")), checked, redirects, problems.size());
            assertTrue(problems.isEmpty(), problems.size() + " of " + checked + " answers are unsafe:\n"
                    + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
        }
    }

    static String printable(String s) {
        return s == null ? "null" : s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
