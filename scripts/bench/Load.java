import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for scripts/benchmark: whole guest checkouts with invoice (offer GET, start POST,
 * details GET/POST, review GET, confirm POST, receipt GET), as a browser would do them, one
 * cookie jar per checkout, redirects followed by hand so every request is timed on its own.
 *
 * Run as a single-file source program (Java 17, no build, no dependencies):
 *
 *   java scripts/bench/Load.java closed BASE_URL CONCURRENCY WARMUP_S SECONDS OUT_FILE
 *   java scripts/bench/Load.java open   BASE_URL CHECKOUTS_PER_S WARMUP_S SECONDS OUT_FILE
 *   java scripts/bench/Load.java walk   BASE_URL            (one checkout up to the review page;
 *                                                           prints "csrf-token=..; cc_session=..")
 *
 * closed: CONCURRENCY shoppers, each starting a new checkout as soon as the last one ends
 * (finds the peak). open: a new checkout starts every 1/RATE seconds whatever the server does
 * (an arrival-rate model, so a slow server cannot slow the arrivals down and hide its latency).
 *
 * Besides the client-side latency per step it scrapes /q/metrics on the management port (-Dbench.metrics; Micrometer, Prometheus
 * format) at the start and end of the measured window and every 2 s in between: the server's
 * own mean time per endpoint (delta of _sum / delta of _count) and its max (the _max gauge,
 * which decays; the benchmark starts the app with a 10 s step so the samples cover the window).
 *
 * Output: OUT_FILE gets tab-separated lines (see writeResults); a human summary goes to stdout.
 */
public class Load {

    static final String OFFER = "/checkout/demo/digital-month";
    static final String[] STEPS = {"offer GET", "start POST", "details GET", "details POST", "review GET",
            "confirm POST", "receipt GET"};
    /**
     * The server-side metric (method + uri label) of each step, in STEPS order. scripts/benchmark
     * relabels /checkout/details and /checkout/confirm with match patterns: without them Quarkus
     * files their 303s under uri="REDIRECTION" (a redirect from a path without a template).
     */
    static final String[] STEP_URIS = {"GET /checkout/{publisher}/{offer}", "POST /checkout/{publisher}/{offer}",
            "GET /checkout/{details}", "POST /checkout/{details}", "GET /checkout/review", "POST /checkout/{confirm}",
            "GET /checkout/receipt"};

    /*
     * The CSRF token is read with a regex over the one hidden input Quarkus REST CSRF renders
     * (<input type="hidden" name="csrf-token" value="...">). A benchmark walks pages it knows;
     * an HTML parser would need a classpath and would cost client CPU on a machine the server
     * shares. The walk fails loudly if the input is not found.
     */
    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, daemon("http")))
            .build();

    static String base;
    static volatile boolean recording;
    static final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    static final Map<String, String> firstError = new ConcurrentHashMap<>();
    static final AtomicInteger completed = new AtomicInteger();
    static final AtomicInteger failed = new AtomicInteger();
    static final AtomicLong maxStartLagNanos = new AtomicLong();
    static final AtomicInteger dropped = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        base = args[1].replaceAll("/$", "");
        if (mode.equals("walk")) {
            Checkout c = new Checkout();
            c.upToReview();
            System.out.println("csrf-token=" + c.cookies.get("csrf-token") + "; cc_session=" + c.cookies.get("cc_session"));
            return;
        }
        double level = Double.parseDouble(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        for (String s : STEPS) {
            latencies.put(s, Collections.synchronizedList(new ArrayList<>()));
            errors.put(s, new AtomicInteger());
        }

        Runnable oneCheckout = () -> {
            boolean rec = recording;
            try {
                new Checkout().all(rec);
                if (rec) {
                    completed.incrementAndGet();
                }
            } catch (StepFailed e) {
                if (rec) {
                    failed.incrementAndGet();
                }
            }
        };

        Metrics before;
        Metrics after;
        List<Metrics> samples = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor(daemon("scrape"));
        long windowStart;
        long windowEnd;
        if (mode.equals("closed")) {
            int concurrency = (int) level;
            ExecutorService shoppers = Executors.newFixedThreadPool(concurrency, daemon("shopper"));
            long stopAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup + seconds);
            for (int i = 0; i < concurrency; i++) {
                shoppers.submit(() -> {
                    while (System.nanoTime() < stopAt) {
                        oneCheckout.run();
                    }
                });
            }
            Thread.sleep(warmup * 1000L);
            before = Metrics.scrape();
            windowStart = System.nanoTime();
            scraper.scheduleAtFixedRate(() -> sampleMax(samples, windowStart), 2, 2, TimeUnit.SECONDS);
            recording = true;
            Thread.sleep(seconds * 1000L);
            recording = false;
            windowEnd = System.nanoTime();
            after = Metrics.scrape();
            shoppers.shutdown();
            shoppers.awaitTermination(60, TimeUnit.SECONDS);
        } else if (mode.equals("open")) {
            double rate = level;
            long periodNanos = (long) (1e9 / rate);
            // Unbounded on purpose (up to a safety cap): an arrival never waits for a free shopper.
            ExecutorService shoppers = Executors.newCachedThreadPool(daemon("shopper"));
            AtomicInteger inFlight = new AtomicInteger();
            ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor(daemon("arrivals"));
            long t0 = System.nanoTime();
            AtomicLong n = new AtomicLong();
            arrivals.scheduleAtFixedRate(() -> {
                long due = t0 + n.getAndIncrement() * periodNanos;
                maxStartLagNanos.accumulateAndGet(recording ? System.nanoTime() - due : 0, Math::max);
                if (inFlight.get() >= 1000) {
                    dropped.incrementAndGet();
                    return;
                }
                inFlight.incrementAndGet();
                shoppers.submit(() -> {
                    try {
                        oneCheckout.run();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            Thread.sleep(warmup * 1000L);
            before = Metrics.scrape();
            windowStart = System.nanoTime();
            scraper.scheduleAtFixedRate(() -> sampleMax(samples, windowStart), 2, 2, TimeUnit.SECONDS);
            recording = true;
            Thread.sleep(seconds * 1000L);
            recording = false;
            windowEnd = System.nanoTime();
            after = Metrics.scrape();
            arrivals.shutdownNow();
            shoppers.shutdown();
            shoppers.awaitTermination(60, TimeUnit.SECONDS);
        } else {
            throw new IllegalArgumentException("mode must be closed, open or walk: " + mode);
        }
        scraper.shutdownNow();
        double window = (windowEnd - windowStart) / 1e9;
        writeResults(out, mode, level, window, before, after, samples);
    }

    /**
     * Keeps a scrape for the server's max unless it is too early in the window: a _max gauge shows
     * what was recorded in roughly the last step (10 s), so a sample in the first 12 s could still
     * show the warm-up or the run before. The max therefore covers the window except its first ~2 s.
     */
    static void sampleMax(List<Metrics> samples, long windowStart) {
        Metrics m = Metrics.scrape();
        if (System.nanoTime() - windowStart >= TimeUnit.SECONDS.toNanos(12)) {
            samples.add(m);
        }
    }

    /** One shopper's checkout: its own cookies, the CSRF token of the last form seen. */
    static final class Checkout {
        final Map<String, String> cookies = new LinkedHashMap<>();
        String csrf;
        boolean rec;

        void upToReview() throws StepFailed {
            String offer = get(0, OFFER, 200, null);
            csrf = token(offer, 0);
            post(1, OFFER, form("csrf-token", csrf, "paymentOption", "invoice", "mode", "guest"), "/checkout/details");
            csrf = token(get(2, "/checkout/details", 200, null), 2);
            post(3, "/checkout/details", form("csrf-token", csrf, "firstName", "Ola", "lastName", "Nordmann",
                    "email", "bench." + System.nanoTime() + "@example.no", "mobile", "", "postalCode", "0150",
                    "paymentOption", "invoice", "terms", "on"), "/checkout/review");
            csrf = token(get(4, "/checkout/review", 200, null), 4);
        }

        void all(boolean record) throws StepFailed {
            rec = record;
            upToReview();
            post(5, "/checkout/confirm", form("csrf-token", csrf), "/checkout/receipt");
            get(6, "/checkout/receipt", 200, "Order number");
        }

        String get(int step, String path, int expect, String mustContain) throws StepFailed {
            HttpRequest req = request(path).GET().build();
            HttpResponse<String> res = send(step, req);
            if (res.statusCode() != expect || (mustContain != null && !res.body().contains(mustContain))) {
                throw fail(step, "GET " + path + " -> " + res.statusCode() + " " + res.headers().firstValue("location").orElse(""));
            }
            return res.body();
        }

        void post(int step, String path, String body, String expectLocation) throws StepFailed {
            HttpRequest req = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> res = send(step, req);
            String location = res.headers().firstValue("location").orElse("");
            if (res.statusCode() != 303 || !location.endsWith(expectLocation)) {
                throw fail(step, "POST " + path + " -> " + res.statusCode() + " " + location);
            }
        }

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept-Language", "en");
            if (!cookies.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                cookies.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append('=').append(v));
                b.header("Cookie", sb.toString());
            }
            return b;
        }

        HttpResponse<String> send(int step, HttpRequest req) throws StepFailed {
            long start = System.nanoTime();
            HttpResponse<String> res;
            try {
                res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw fail(step, req.method() + " " + req.uri().getPath() + " -> " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail(step, "interrupted");
            }
            long nanos = System.nanoTime() - start;
            if (rec) {
                latencies.get(STEPS[step]).add(nanos);
            }
            for (String h : res.headers().allValues("set-cookie")) {
                String pair = h.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq).trim();
                    if (h.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, pair.substring(eq + 1).trim());
                    }
                }
            }
            return res;
        }

        StepFailed fail(int step, String what) {
            if (rec) {
                errors.get(STEPS[step]).incrementAndGet();
            }
            firstError.putIfAbsent(STEPS[step], what);
            return new StepFailed(what);
        }

        String token(String html, int step) throws StepFailed {
            Matcher m = CSRF.matcher(html);
            if (!m.find()) {
                throw fail(step, "no csrf-token input on the page");
            }
            return m.group(1);
        }
    }

    static final class StepFailed extends Exception {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }

    static String form(String... kv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            sb.append(sb.length() == 0 ? "" : "&").append(kv[i]).append('=')
                    .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** http_server_requests_seconds count/sum/max per "METHOD uri", summed over status and outcome. */
    record Metrics(Map<String, Double> count, Map<String, Double> sum, Map<String, Double> max) {
        static final Pattern LINE = Pattern.compile(
                "^http_server_requests_seconds_(count|sum|max)\\{(.*)\\} ([0-9.eE+-]+)$");
        static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

        static Metrics scrape() {
            Map<String, Double> count = new TreeMap<>();
            Map<String, Double> sum = new TreeMap<>();
            Map<String, Double> max = new TreeMap<>();
            try {
                HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create(System.getProperty("bench.metrics", base) + "/q/metrics"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                for (String line : res.body().split("\n")) {
                    Matcher m = LINE.matcher(line);
                    if (!m.matches()) {
                        continue;
                    }
                    Map<String, String> labels = new TreeMap<>();
                    Matcher l = LABEL.matcher(m.group(2));
                    while (l.find()) {
                        labels.put(l.group(1), l.group(2));
                    }
                    String key = labels.get("method") + " " + labels.get("uri");
                    double v = Double.parseDouble(m.group(3));
                    switch (m.group(1)) {
                        case "count" -> count.merge(key, v, Double::sum);
                        case "sum" -> sum.merge(key, v, Double::sum);
                        default -> max.merge(key, v, Math::max);
                    }
                }
            } catch (IOException | InterruptedException e) {
                System.err.println("metrics scrape failed: " + e);
            }
            return new Metrics(count, sum, max);
        }
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }

    /**
     * Lines: "summary  mode level window_s checkouts failed checkouts_per_s requests_per_s max_start_lag_ms dropped",
     * "step  name count errors p50 p95 p99 max (client ms) server_count server_mean_ms server_max_ms",
     * "server  METHOD uri count mean_ms max_ms" for every endpoint that served requests in the window,
     * "error  step first-error".
     */
    static void writeResults(Path out, String mode, double level, double window, Metrics before, Metrics after,
            List<Metrics> samples) throws IOException {
        Map<String, Double> serverMax = new TreeMap<>();
        List<Metrics> all = new ArrayList<>(samples);
        all.add(after);
        for (Metrics s : all) {
            s.max().forEach((k, v) -> serverMax.merge(k, v, Math::max));
        }
        StringBuilder sb = new StringBuilder();
        long requests = latencies.values().stream().mapToLong(List::size).sum();
        sb.append(String.format(Locale.ROOT, "summary\t%s\t%s\t%.1f\t%d\t%d\t%.2f\t%.1f\t%.1f\t%d%n", mode,
                fmt(level), window, completed.get(), failed.get(), completed.get() / window, requests / window,
                maxStartLagNanos.get() / 1e6, dropped.get()));
        for (int i = 0; i < STEPS.length; i++) {
            List<Long> l = new ArrayList<>(latencies.get(STEPS[i]));
            Collections.sort(l);
            String key = STEP_URIS[i];
            double dc = after.count().getOrDefault(key, 0.0) - before.count().getOrDefault(key, 0.0);
            double ds = after.sum().getOrDefault(key, 0.0) - before.sum().getOrDefault(key, 0.0);
            sb.append(String.format(Locale.ROOT, "step\t%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.0f\t%.1f\t%.1f%n",
                    STEPS[i], l.size(), errors.get(STEPS[i]).get(), pct(l, 50), pct(l, 95), pct(l, 99),
                    l.isEmpty() ? Double.NaN : l.get(l.size() - 1) / 1e6, dc, dc > 0 ? ds / dc * 1000 : Double.NaN,
                    serverMax.getOrDefault(key, Double.NaN) * 1000));
        }
        for (String key : after.count().keySet()) {
            double dc = after.count().get(key) - before.count().getOrDefault(key, 0.0);
            if (dc <= 0 || key.endsWith(" null")) {
                continue;
            }
            double ds = after.sum().getOrDefault(key, 0.0) - before.sum().getOrDefault(key, 0.0);
            sb.append(String.format(Locale.ROOT, "server\t%s\t%.0f\t%.1f\t%.1f%n", key, dc, ds / dc * 1000,
                    serverMax.getOrDefault(key, Double.NaN) * 1000));
        }
        firstError.forEach((k, v) -> sb.append("error\t").append(k).append('\t').append(v).append('\n'));
        Files.writeString(out, sb.toString());
        PrintStream o = System.out;
        o.print(sb);
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
