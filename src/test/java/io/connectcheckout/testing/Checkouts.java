package io.connectcheckout.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectcheckout.checkout.CheckoutEvent;
import io.connectcheckout.checkout.CheckoutSession;
import io.connectcheckout.checkout.CheckoutEventType;
import io.connectcheckout.checkout.Step;
import io.connectcheckout.common.Cookies;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Checkout fixtures shared by the tests: a shopper walked to a given step of the demo publisher's
 * monthly offer over HTTP (as {@link Shopper}), and the checkout's recorded state read back from
 * the database of the application under test.
 */
public final class Checkouts {

    /** The demo publisher's monthly digital offer. */
    public static final String OFFER = "/checkout/demo/digital-month";

    /** The checkout's session cookie before any {@code __Host-} prefix (CheckoutResource's name for it). */
    private static final String SESSION_COOKIE = io.connectcheckout.checkout.CurrentCheckout.COOKIE;

    private Checkouts() {
    }

    /** The details form of a payer with a Norwegian postal code who accepts the terms. */
    public static Map<String, String> payer(String email) {
        Map<String, String> fields = new HashMap<>();
        fields.put("firstName", "Ola");
        fields.put("lastName", "Nordmann");
        fields.put("email", email);
        fields.put("mobile", "");
        fields.put("postalCode", "0150");
        fields.put("terms", "on");
        return fields;
    }

    /** A shopper on the review page of a fresh checkout with the given payment option. */
    public static Shopper atReview(String option, String email) {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        Shopper.Page details = shopper.submitAndFollow("form[action='" + OFFER + "']",
                Map.of("paymentOption", option), "mode=guest");
        assertThat(details.url(), containsString("/checkout/details"));
        Shopper.Page review = shopper.submitAndFollow("form[action='/checkout/details']", payer(email), null);
        assertThat(review.url(), containsString("/checkout/review"));
        return shopper;
    }

    /** Confirms a wallet (Vipps) checkout and enters the mobile on the payment page: the approval in the app is next. */
    public static void atWalletApproval(Shopper shopper) {
        Shopper.Page pay = shopper.follow(shopper.submit("form[action='/checkout/confirm']", Map.of(), null));
        assertThat(pay.url(), containsString("/psp/pay/"));
        shopper.follow(shopper.submit("form[action$='/wallet']", Map.of("mobile", "912 34 567"), null));
    }

    /**
     * Presses the shopper's review-page confirm {@code times} times at the same moment, each from a
     * copy of the browser (its cookies, the same page), and returns every answer (60 s at most each).
     */
    public static java.util.List<Shopper.Page> confirmAtOnce(Shopper shopper, int times) throws Exception {
        Shopper.Page review = shopper.page();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(times);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Shopper.Page>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < times; i++) {
            Shopper copy = new Shopper();
            copy.cookies().putAll(shopper.cookies());
            copy.back(review);
            futures.add(pool.submit(() -> {
                start.await();
                return copy.submit("form[action='/checkout/confirm']", Map.of(), null);
            }));
        }
        start.countDown();
        java.util.List<Shopper.Page> answers = new java.util.ArrayList<>();
        try {
            for (java.util.concurrent.Future<Shopper.Page> f : futures) {
                answers.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
        }
        return answers;
    }

    /** A guest's invoice checkout walked to its receipt. */
    public static Shopper completedInvoiceCheckout(String email) {
        Shopper shopper = atReview("invoice", email);
        shopper.submitAndFollow("form[action='/checkout/confirm']", Map.of(), null);
        return shopper;
    }

    /**
     * The shopper's checkout as recorded now (from a {@code @QuarkusTest}: read in a transaction of
     * its own). The row holds the SHA-256 of the session cookie, as the checkout stores it; the
     * cookie is looked up under its name on the wire, {@code __Host-} prefixed where the
     * application runs with {@code checkout.web.secure=true}.
     */
    public static CheckoutSession session(Shopper shopper) {
        String cookie = Arc.container().instance(Cookies.class).get().name(SESSION_COOKIE);
        String hash = sha256Hex(shopper.cookies().get(cookie));
        return QuarkusTransaction.requiringNew().call(() -> CheckoutSession.findByTokenHash(hash).orElseThrow());
    }

    /** The public reference of the shopper's checkout. */
    public static String reference(Shopper shopper) {
        return session(shopper).reference();
    }

    /** How many events of this type the checkout recorded. */
    /** Completed in its first attempt, with one payment started, captured (or verified) once, and one order registered. */
    public static void assertCompletedInOneAttemptPaidOnce(CheckoutSession done) {
        assertEquals(Step.COMPLETED, done.step());
        assertEquals(1, done.attempt().number());
        assertEquals(1, events(done, "payment_started"));
        assertEquals(1, events(done, "payment_captured") + events(done, "payment_verified"));
        assertEquals(1, events(done, "order_registered"));
    }

    public static long events(CheckoutSession session, String type) {
        return QuarkusTransaction.requiringNew().call(() ->
                CheckoutEvent.count("sessionId = ?1 and type = ?2", session.id(),
                        CheckoutEventType.valueOf(type.toUpperCase(java.util.Locale.ROOT))));
    }

    /** The decoded value of a query parameter; fails when the URI has none of that name. */
    public static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
