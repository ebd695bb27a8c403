package io.connectcheckout.connectid.sandbox;

import io.connectcheckout.connectid.api.ApiError;
import io.connectcheckout.connectid.api.OAuthError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An Order API error with its documented body. It carries its {@link Response}, so the app's
 * error pages pass it through untouched.
 */
public class ApiException extends WebApplicationException {

    public static final String VALIDATION = "ValidationException";

    private ApiException(Response response, String message) {
        super(message, response);
    }

    /** HTTP 400 {@code {"exceptionType","errorMessage"}}. */
    public static ApiException badRequest(String exceptionType, String message) {
        return new ApiException(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(exceptionType, message)).build(), message);
    }

    /** HTTP 400 {@code ValidationException}. */
    public static ApiException validation(String message) {
        return badRequest(VALIDATION, message);
    }

    /**
     * HTTP 401 for a request that carried no bearer token at all: the challenge names the scheme and
     * realm but no error code (RFC 6750 §3.1: "If the request lacks any authentication information
     * ..., the resource server SHOULD NOT include an error code"); the body is the documented
     * {@link ApiError}.
     */
    public static ApiException noCredentials() {
        String message = "Authentication is required: send Authorization: Bearer <access token>";
        return new ApiException(Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                .header("WWW-Authenticate", "Bearer realm=\"connectid\"")
                .entity(new ApiError("UnauthorizedException", message)).build(), message);
    }

    /** HTTP 401 {@code invalid_token} for a token that was sent but is no good, with the RFC 6750 §3.1 challenge. */
    public static ApiException invalidToken(String description) {
        return new ApiException(Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .entity(new OAuthError("invalid_token", description)).build(), description);
    }

    /** HTTP 429 with the rate-limit headers. */
    public static ApiException tooManyRequests(long resetEpochSeconds, long retryAfterSeconds) {
        return new ApiException(Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                .header("X-RateLimit-Remaining", 0)
                .header("X-RateLimit-Reset", resetEpochSeconds)
                .header("Retry-After", Math.max(1, retryAfterSeconds))
                .entity(new ApiError("TooManyRequestsException", "Rate limit exceeded")).build(),
                "rate limit");
    }
}
