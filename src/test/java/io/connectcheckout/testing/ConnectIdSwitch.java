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

/**
 * A switch in the wire between the checkout and ConnectID: a small HTTP proxy on loopback that
 * forwards to the ConnectID sandbox, or answers 503 while it is "down". The checkout's ConnectID
 * API URL points at it; the browser-facing login and fulfillment URLs do not.
 */
public class ConnectIdSwitch implements QuarkusTestResourceLifecycleManager {

    private static volatile boolean down;
    private static final Set<String> FORWARDED = Set.of("authorization", "content-type", "accept");
    private HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void down() {
        down = true;
    }

    public static void up() {
        down = false;
    }

    @Override
    public Map<String, String> start() {
        String target = "http://localhost:" + System.getProperty("quarkus.http.test-port", "8181");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> forward(exchange, target));
        server.start();
        up();
        return Map.of("quarkus.rest-client.connectid-api.url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/capi");
    }

    private void forward(HttpExchange exchange, String target) throws IOException {
        try (exchange) {
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
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
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
