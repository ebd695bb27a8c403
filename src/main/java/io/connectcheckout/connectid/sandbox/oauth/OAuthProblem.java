package io.connectcheckout.connectid.sandbox.oauth;

/** An OAuth 2.0 error to answer with (RFC 6749 §5.2): its HTTP status, error code and description. */
public class OAuthProblem extends RuntimeException {

    private final int status;
    private final String error;

    public OAuthProblem(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    public static OAuthProblem invalidRequest(String description) {
        return new OAuthProblem(400, "invalid_request", description);
    }

    public static OAuthProblem invalidGrant(String description) {
        return new OAuthProblem(400, "invalid_grant", description);
    }

    public static OAuthProblem invalidClient() {
        return new OAuthProblem(401, "invalid_client", "Client authentication failed");
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
