package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The Order API's error body: a Java-ish exception name and a text (connectid-api-notes.md §0
 * "Error body"). Every {@code /capi} error carries it, as JSON, whatever the client's {@code Accept}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String exceptionType, String errorMessage) {

    /** Whether a request path is the Order API's ({@code /capi} and below). */
    public static boolean isApiPath(String path) {
        return path != null && (path.startsWith("/capi/") || path.equals("/capi"));
    }

    /**
     * The body for an error status the API did not describe itself (the framework's 404, 405, 406,
     * 415, a refused envelope, a failure). {@code method} and {@code path} name the request.
     */
    public static ApiError forStatus(int status, String method, String path) {
        return switch (status) {
            case 400 -> new ApiError("ValidationException", "The request could not be read");
            case 401 -> new ApiError("UnauthorizedException", "Authentication is required");
            case 403 -> new ApiError("ForbiddenException", "The request was refused");
            case 404 -> new ApiError("NotFoundException", "No such endpoint: " + method + " " + shortened(path));
            case 405 -> new ApiError("MethodNotAllowedException",
                    "Method " + method + " is not allowed on " + shortened(path));
            case 406 -> new ApiError("NotAcceptableException", "The response can be application/json or application/xml");
            case 413 -> new ApiError("ValidationException", "The request body is too large");
            // Only multipart is refused: a body of any other type is read as JSON, or as XML when sent as XML.
            case 415 -> new ApiError("UnsupportedMediaTypeException",
                    "A multipart body is not accepted: send JSON, or XML as application/xml or text/xml");
            case 429 -> new ApiError("TooManyRequestsException", "Rate limit exceeded");
            case 503 -> new ApiError("ServiceUnavailableException", "The service is unavailable; try again");
            default -> status >= 500
                    ? new ApiError("InternalServerErrorException", "Internal error")
                    : new ApiError("ClientErrorException", "The request was refused (HTTP " + status + ")");
        };
    }

    private static String shortened(String path) {
        String safe = path == null ? "" : path.replaceAll("[^\\x21-\\x7e]", "?");
        return safe.length() > 100 ? safe.substring(0, 100) + "..." : safe;
    }
}
