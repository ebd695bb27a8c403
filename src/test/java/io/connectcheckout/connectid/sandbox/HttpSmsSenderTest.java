package io.connectcheckout.connectid.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.connectcheckout.connectid.sandbox.messages.HttpSmsSender;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP gateway SMS sender against a real (local) HTTP server. */
class HttpSmsSenderTest {

    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> auth = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(202);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    @Test
    void postsTheMessageAsJsonWithTheToken() throws IOException {
        new HttpSmsSender(url(), Optional.of("gw-token"), new ObjectMapper()).send("+4791234567", "Hei");
        var json = new ObjectMapper().readTree(body.get());
        assertEquals("+4791234567", json.get("to").asText());
        assertEquals("Hei", json.get("text").asText());
        assertEquals("Bearer gw-token", auth.get());
    }

    @Test
    void aRefusalOrAnUnreachableGatewayFailsTheAttempt() {
        status.set(500);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new HttpSmsSender(url(), Optional.empty(), new ObjectMapper()).send("+4791234567", "Hei"));
        assertTrue(refused.getMessage().contains("500"));
        server.stop(0);
        assertThrows(IllegalStateException.class,
                () -> new HttpSmsSender(url(), Optional.empty(), new ObjectMapper()).send("+4791234567", "Hei"));
    }
}
