package io.connectcheckout.connectid.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.connectid.api.TokenResponse;
import io.connectcheckout.web.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * One HTTP call to ConnectID and what its failure means, plus the client-credentials tokens
 * (RFC 6749 §4.4) cached per client until a minute before they expire.
 *
 * <p>Failures, by what ConnectID may have done: no connection made, or an answer of 503/429 —
 * {@link ConnectIdUnavailableException} (nothing was done); sent but no answer, or 500/502/504 —
 * {@link ConnectIdNoAnswerException} (it may have acted); any other 4xx —
 * {@link ConnectIdRejectedException} with ConnectID's {@code exceptionType}/{@code errorMessage}
 * (Order API) or OAuth {@code error}/{@code error_description} (RFC 6749 §5.2).
 */
@ApplicationScoped
class ConnectIdHttp {

    private static final Logger LOG = Logger.getLogger(ConnectIdHttp.class);
    private static final long TOKEN_SKEW_SECONDS = 60;
    /** Client token lifetime assumed when the token endpoint leaves {@code expires_in} out (seconds). */
    private static final long DEFAULT_CLIENT_TOKEN_SECONDS = 300;

    private final ConnectIdLoginApi login;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, CachedToken> clientTokens = new ConcurrentHashMap<>();

    private record CachedToken(String accessToken, Instant refreshAfter) {
    }

    ConnectIdHttp(@RestClient ConnectIdLoginApi login, ObjectMapper json, Clock clock) {
        this.login = login;
        this.json = json;
        this.clock = clock;
    }

    /** Calls with a cached client-credentials token; on {@code invalid_token} (401) fetches a new one once. */
    <T> T withClientToken(ClientCredentials client, Function<String, T> call) {
        String bearer = "Bearer " + clientToken(client, false);
        try {
            return call(() -> call.apply(bearer));
        } catch (ConnectIdRejectedException e) {
            if (e.status() != 401) {
                throw e;
            }
            String fresh = "Bearer " + clientToken(client, true);
            return call(() -> call.apply(fresh));
        }
    }

    /** HTTP Basic credentials of a ConnectID client for the token endpoint (RFC 6749 §2.3.1). */
    static String basic(ClientCredentials client) {
        String pair = client.clientId() + ":" + client.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs one HTTP call and turns its failure into one of our exceptions (see the class comment). */
    <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            int status = response == null ? 500 : response.getStatus();
            if (status == 500 || status == 502 || status == 504) {
                // An error inside ConnectID or behind its gateway: it may have acted before failing.
                throw new ConnectIdNoAnswerException("ConnectID answered " + status, e);
            }
            if (status == 429 || status >= 500) {
                // Too many requests, or unavailable (503): nothing was done.
                throw new ConnectIdUnavailableException("ConnectID answered " + status, e);
            }
            throw rejected(status, response);
        } catch (ProcessingException e) {
            if (Failures.neverConnected(e)) {
                throw new ConnectIdUnavailableException("ConnectID unreachable: " + e.getMessage(), e);
            }
            // Sent, but no answer: ConnectID may have acted on it.
            throw new ConnectIdNoAnswerException("No answer from ConnectID: " + e.getMessage(), e);
        }
    }

    private String clientToken(ClientCredentials client, boolean forceNew) {
        CachedToken cached = clientTokens.get(client.clientId());
        if (!forceNew && cached != null && clock.instant().isBefore(cached.refreshAfter())) {
            return cached.accessToken();
        }
        TokenResponse response = call(() -> login.clientCredentials(basic(client), "client_credentials"));
        long lifetime = response.expiresIn() == null ? DEFAULT_CLIENT_TOKEN_SECONDS : response.expiresIn();
        clientTokens.put(client.clientId(), new CachedToken(response.accessToken(),
                clock.instant().plusSeconds(Math.max(0, lifetime - TOKEN_SKEW_SECONDS))));
        return response.accessToken();
    }

    private ConnectIdRejectedException rejected(int status, Response response) {
        String type = "HTTP " + status;
        String message = "";
        try {
            JsonNode node = json.readTree(response.readEntity(String.class));
            if (node.hasNonNull("exceptionType")) {
                type = node.get("exceptionType").asText();
                message = node.path("errorMessage").asText("");
            } else if (node.hasNonNull("error")) {
                type = node.get("error").asText();
                message = node.path("error_description").asText("");
            }
        } catch (RuntimeException | java.io.IOException unreadable) {
            LOG.debugf("Unreadable ConnectID error body for HTTP %d", status);
        }
        return new ConnectIdRejectedException(status, type, message);
    }
}
