package io.connectcheckout.connectid.client;

import io.connectcheckout.connectid.api.AssignUserRequest;
import io.connectcheckout.connectid.api.AssignUserResponse;
import io.connectcheckout.connectid.api.CompleteOrderRequest;
import io.connectcheckout.connectid.api.CompleteOrderResponse;
import io.connectcheckout.connectid.api.CouponList;
import io.connectcheckout.connectid.api.CouponPriceRequest;
import io.connectcheckout.connectid.api.CouponPriceResponse;
import io.connectcheckout.connectid.api.CustomerInfo;
import io.connectcheckout.connectid.api.CustomerProfile;
import io.connectcheckout.connectid.api.OrderStatusList;
import io.connectcheckout.connectid.api.RegisterOrderRequest;
import io.connectcheckout.connectid.api.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * ConnectID's operations with their fault tolerance (MicroProfile Fault Tolerance; values tunable
 * per method under {@code io.connectcheckout.connectid.client.ConnectIdCalls/...}). Only
 * {@link ConnectIdClient} uses it; it lets fault tolerance's own exceptions out, and the client
 * turns them into ours.
 *
 * <p>Every call has a timeout (REST client and {@link Timeout}); calls are retried only when they
 * are idempotent — reads — and Register order only when ConnectID certainly did not take it
 * (ConnectID has no duplicate check); a circuit breaker stops hammering a ConnectID that is down.
 * Retries react only to {@link ConnectIdUnavailableException} (a timed-out attempt is not repeated,
 * so a shopper waits at most one timeout); the breaker counts timeouts as failures too, or a
 * ConnectID that hangs would never open it.
 */
@ApplicationScoped
@Timeout(value = 8, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        failOn = {ConnectIdUnavailableException.class, TimeoutException.class})
class ConnectIdCalls {

    /** A coupon's price and the coupon list it is described in, read together. */
    record CouponQuote(CouponPriceResponse price, CouponList coupons) {
    }

    private final ConnectIdOrderApi orders;
    private final ConnectIdLoginApi login;
    private final ConnectIdHttp http;

    ConnectIdCalls(@RestClient ConnectIdOrderApi orders, @RestClient ConnectIdLoginApi login, ConnectIdHttp http) {
        this.orders = orders;
        this.login = login;
        this.http = http;
    }

    @Retry(maxRetries = 2, delay = 200, retryOn = ConnectIdUnavailableException.class,
            abortOn = ConnectIdRejectedException.class)
    CouponQuote couponQuote(ClientCredentials client, String couponCode, int couponNumber) {
        CouponPriceResponse price = http.withClientToken(client,
                bearer -> orders.couponPrice(bearer, new CouponPriceRequest(couponCode, couponNumber, null, "NO", null)));
        CouponList coupons = http.withClientToken(client, bearer -> orders.coupons(bearer, couponCode));
        return new CouponQuote(price, coupons);
    }

    /**
     * Register order: ConnectID has no idempotency key and no duplicate check, so it is repeated only
     * when ConnectID certainly did not take it (no connection, or an answer of 503 or 429), never after
     * a request that got no answer or an answer that does not say (500, 502, 504). The checkout claims
     * the registration before it calls this, so two steps never send it at once.
     */
    @Retry(maxRetries = 2, delay = 200, retryOn = ConnectIdUnavailableException.class,
            abortOn = {ConnectIdRejectedException.class, ConnectIdNoAnswerException.class})
    long registerOrder(ClientCredentials client, Optional<String> userAccessToken, RegisterOrderRequest request) {
        if (userAccessToken.isPresent()) {
            return http.call(() -> orders.registerOrder("Bearer " + userAccessToken.get(), request)).orderId();
        }
        return http.withClientToken(client, bearer -> orders.registerOrderClientMode(bearer, request)).orderId();
    }

    CompleteOrderResponse completeOrder(ClientCredentials client, long orderId) {
        return http.withClientToken(client, bearer -> orders.completeOrder(bearer, new CompleteOrderRequest(orderId, null)));
    }

    @Retry(maxRetries = 2, delay = 200, retryOn = ConnectIdUnavailableException.class,
            abortOn = ConnectIdRejectedException.class)
    OrderStatusList orderStatus(ClientCredentials client, long orderId) {
        return http.withClientToken(client, bearer -> orders.orderStatus(bearer, orderId));
    }

    AssignUserResponse assignUser(ClientCredentials client, long orderId, String language, AssignUserRequest request) {
        return http.withClientToken(client, bearer -> orders.assignUser(bearer, orderId, language, request));
    }

    TokenResponse exchangeCode(ClientCredentials client, String code, String redirectUri, String codeVerifier) {
        return http.call(() -> login.authorizationCode(ConnectIdHttp.basic(client), "authorization_code", code,
                redirectUri, codeVerifier));
    }

    /** Not repeated after a request that got no answer: ConnectID may rotate the refresh token. */
    @Retry(maxRetries = 2, delay = 200, retryOn = ConnectIdUnavailableException.class,
            abortOn = {ConnectIdRejectedException.class, ConnectIdNoAnswerException.class})
    TokenResponse refresh(ClientCredentials client, String refreshToken) {
        return http.call(() -> login.refreshToken(ConnectIdHttp.basic(client), "refresh_token", refreshToken));
    }

    /** The shopper's profile and address (two reads with the shopper's token). */
    @Retry(maxRetries = 2, delay = 200, retryOn = ConnectIdUnavailableException.class,
            abortOn = ConnectIdRejectedException.class)
    Profile profile(String userAccessToken) {
        String bearer = "Bearer " + userAccessToken;
        CustomerProfile profile = http.call(() -> orders.profile(bearer));
        CustomerInfo info = http.call(() -> orders.customerInfo(bearer));
        return ConnectIdWire.toProfile(profile, info);
    }
}
