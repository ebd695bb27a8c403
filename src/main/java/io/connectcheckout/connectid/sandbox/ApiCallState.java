package io.connectcheckout.connectid.sandbox;

import jakarta.enterprise.context.RequestScoped;

/** The rate-limit decision of the current Order API call, for the response headers. */
@RequestScoped
public class ApiCallState {

    private RateLimiter.Decision decision;

    public RateLimiter.Decision decision() {
        return decision;
    }

    void decision(RateLimiter.Decision decision) {
        this.decision = decision;
    }
}
