package io.connectcheckout.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of one upstream, for fault drills: it forwards every request,
 * except POSTs to one chosen path, which it holds (never forwards) until {@link #passThrough()}
 * or {@link #close()} — so a test can freeze an application exactly between two of its calls.
 */
public final class WireProxy implements AutoCloseable {

    private static final Set<String> FORWARDED = Set.of("authorization", "content-type", "accept");

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final String upstream;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger held = new AtomicInteger();
    private volatile String holdPath;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private WireProxy(String upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a proxy forwarding to {@code upstream} (scheme, host and port, no path). */
    public static WireProxy start(String upstream) {
        try {
            return new WireProxy(upstream);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** From now on, POSTs to exactly this path are held, not forwarded. */
    public void holdPostsTo(String path) {
        held.set(0);
        gate = new CountDownLatch(1);
        holdPath = path;
    }

    /** Forwards everything again; requests held so far are answered 503 (their callers are long gone). */
    public void passThrough() {
        holdPath = null;
        gate.countDown();
    }

    /** How many requests are held now or were held since {@link #holdPostsTo}. */
    public int held() {
        return held.get();
    }

    private void handle(HttpExchange exchange) {
        try {
            if ("POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().equals(holdPath)) {
                held.incrementAndGet();
                CountDownLatch waiting = gate;
                waiting.await(120, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
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
        } catch (IOException upstreamDown) {
            // The upstream is down (killed by the drill): answer as an unreachable service would.
            try {
                exchange.sendResponseHeaders(502, -1);
            } catch (IOException callerGone) {
                // nobody left to answer
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        passThrough();
        server.stop(0);
        workers.shutdownNow();
    }
}
