package io.connectcheckout.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A switch in the wire between the checkout and one of the services it calls: a small HTTP proxy
 * on loopback that forwards to the sandbox in this process, or misbehaves on demand —
 * {@linkplain Mode#DOWN answers 503}, {@linkplain Mode#SLOW waits before forwarding}, or
 * {@linkplain Mode#CUT closes the connection without an answer} (what a crashed host or a
 * dropped connection looks like to the client). It counts every request that reaches it, so a
 * test can prove that an open circuit breaker keeps calls off the wire. It can also
 * {@linkplain State#holdPostsTo hold} the POSTs to one path, so that a drill freezes an application
 * exactly between two of its calls.
 *
 * <p>Each subclass holds its own {@link State} in a static field: Quarkus creates the lifecycle
 * manager, while tests flip the switch through that field. A drill that runs the application as a
 * separate process uses {@link #standalone} instead.
 */
public abstract class HttpSwitch implements QuarkusTestResourceLifecycleManager, AutoCloseable {

    /** How the switch treats the next requests. */
    public enum Mode {
        /** Forward every request. */
        UP,
        /** Answer 503 at once, forward nothing. */
        DOWN,
        /** Wait {@link State#delayMillis} before forwarding (the answer still arrives, late). */
        SLOW,
        /** Close the connection without an answer, forward nothing. */
        CUT
    }

    /** The switch's position and counters, shared between the proxy threads and the test. */
    public static final class State {
        volatile Mode mode = Mode.UP;
        volatile long delayMillis;
        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger forwarded = new AtomicInteger();
        final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
        final AtomicInteger held = new AtomicInteger();
        volatile String holdPath;
        volatile CountDownLatch gate = new CountDownLatch(0);

        public void up() {
            mode = Mode.UP;
        }

        public void down() {
            mode = Mode.DOWN;
        }

        public void cut() {
            mode = Mode.CUT;
        }

        public void slow(Duration delay) {
            delayMillis = delay.toMillis();
            mode = Mode.SLOW;
        }

        /** From now on, POSTs to exactly this path are held, not forwarded (whatever the mode). */
        public void holdPostsTo(String path) {
            held.set(0);
            gate = new CountDownLatch(1);
            holdPath = path;
        }

        /** Forwards everything again; requests held so far are answered 503 (their callers are long gone). */
        public void passThrough() {
            holdPath = null;
            gate.countDown();
            up();
        }

        /** How many requests are held now or were held since {@link #holdPostsTo}. */
        public int held() {
            return held.get();
        }

        /** Requests that reached the switch since it started, whatever it did with them. */
        public int received() {
            return received.get();
        }

        /**
         * POSTs to {@code path} that reached the switch since it started, whatever it did with them:
         * what the service would count if it had no duplicate check of its own.
         */
        public int posts(String path) {
            AtomicInteger count = posts.get(path);
            return count == null ? 0 : count.get();
        }

        /** Requests passed on to the service. */
        public int forwarded() {
            return forwarded.get();
        }
    }

    private static final Set<String> FORWARDED_HEADERS = Set.of("authorization", "content-type", "accept",
            "idempotency-key");

    private final State state;
    private HttpServer server;
    private ExecutorService threads;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    protected HttpSwitch(State state) {
        this.state = state;
    }

    /**
     * A switch in front of {@code upstream} (scheme, host and port), started now and stopped by
     * {@link #close()}: for a drill whose application is a separate process.
     */
    public static HttpSwitch standalone(String upstream) {
        HttpSwitch wire = new HttpSwitch(new State()) {
            @Override
            protected Map<String, String> configFor(String switchOrigin) {
                return Map.of();
            }
        };
        wire.listen(upstream);
        return wire;
    }

    public State state() {
        return state;
    }

    /** The loopback port the switch listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The configuration that points the checkout's client at this switch, given the switch's origin. */
    protected abstract Map<String, String> configFor(String switchOrigin);

    @Override
    public Map<String, String> start() {
        listen("http://localhost:" + System.getProperty("quarkus.http.test-port", "8181"));
        return configFor("http://127.0.0.1:" + port());
    }

    private void listen(String target) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // One thread per request: a slow request must not hold up the ones behind it.
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> forward(exchange, target));
        server.start();
        state.up();
    }

    private void forward(HttpExchange exchange, String target) throws IOException {
        state.received.incrementAndGet();
        if ("POST".equals(exchange.getRequestMethod())) {
            state.posts.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
        }
        Mode mode = state.mode;
        if ("POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().equals(state.holdPath)) {
            hold(exchange);
            return;
        }
        if (mode == Mode.CUT) {
            // No status line at all: closing an exchange before its headers were sent drops the connection.
            exchange.close();
            return;
        }
        try (exchange) {
            if (mode == Mode.DOWN) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (mode == Mode.SLOW) {
                Thread.sleep(state.delayMillis);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (FORWARDED_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            state.forwarded.incrementAndGet();
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException upstreamGone) {
                // The upstream is down (a drill killed it): answer as an unreachable service would.
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().firstValue("content-type")
                    .ifPresent(v -> exchange.getResponseHeaders().put("Content-Type", List.of(v)));
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGaveUp) {
            // The caller stopped waiting (its timeout) before the late answer: nothing to tell it.
        }
    }

    private void hold(HttpExchange exchange) throws IOException {
        try (exchange) {
            state.held.incrementAndGet();
            state.gate.await(120, TimeUnit.SECONDS);
            exchange.sendResponseHeaders(503, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        state.passThrough();
        stop();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
