package io.connectcheckout.connectid.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Parses request bodies here rather than in the JAX-RS layer, so malformed JSON and wrong types
 * get the contract's 400 {@code ValidationException} body instead of the framework's default.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ApiException.validation("Request body is missing");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw ApiException.validation("Request body is missing");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ApiException.validation("Malformed JSON: " + e.getOriginalMessage());
        }
    }
}
