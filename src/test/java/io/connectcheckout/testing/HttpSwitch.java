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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A switch in the wire between the checkout and one of the services it calls: a small HTTP proxy
 * on loopback that forwards to the sandbox in this process, or misbehaves on demand —
 * {@linkplain Mode#DOWN answers 503}, {@linkplain Mode#SLOW waits before forwarding}, or
 * {@linkplain Mode#CUT closes the connection without an answer} (what a crashed host or a
 * dropped connection looks like to the client). It counts every request that reaches it, so a
 * test can prove that an open circuit breaker keeps calls off the wire.
 *
 * <p>Each subclass holds its own {@link State} in a static field: Quarkus creates the lifecycle
 * manager, while tests flip the switch through static methods.
 */
public abstract class HttpSwitch implements QuarkusTestResourceLifecycleManager {

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

    /** The configuration that points the checkout's client at this switch, given the switch's origin. */
    protected abstract Map<String, String> configFor(String switchOrigin);

    @Override
    public Map<String, String> start() {
        String target = "http://localhost:" + System.getProperty("quarkus.http.test-port", "8181");
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
        return configFor("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange, String target) throws IOException {
        state.received.incrementAndGet();
        if ("POST".equals(exchange.getRequestMethod())) {
            state.posts.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
        }
        Mode mode = state.mode;
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
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
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
            // The checkout stopped waiting (its timeout) before the late answer: nothing to tell it.
        }
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
