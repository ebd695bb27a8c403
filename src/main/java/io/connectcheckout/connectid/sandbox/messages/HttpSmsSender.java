package io.connectcheckout.connectid.sandbox.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends SMS through an HTTP gateway: {@code POST {"to","text"}} as JSON with an optional bearer
 * token; any 2xx counts as sent. Timeouts are short; the outbox retries failures.
 */
public class HttpSmsSender implements SmsSender {

    private final URI gateway;
    private final Optional<String> token;
    private final ObjectMapper mapper;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public HttpSmsSender(URI gateway, Optional<String> token, ObjectMapper mapper) {
        this.gateway = gateway;
        this.token = token;
        this.mapper = mapper;
    }

    @Override
    public void send(String to, String text) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(gateway)
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(Map.of("to", to, "text", text))));
            token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("SMS gateway answered HTTP " + response.statusCode());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException("SMS gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
