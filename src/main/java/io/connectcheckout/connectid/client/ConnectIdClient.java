package io.connectcheckout.connectid.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.common.Money;
import io.connectcheckout.connectid.api.Address;
import io.connectcheckout.connectid.api.AssignUserRequest;
import io.connectcheckout.connectid.api.AssignUserResponse;
import io.connectcheckout.connectid.api.CompleteOrderRequest;
import io.connectcheckout.connectid.api.CompleteOrderResponse;
import io.connectcheckout.connectid.api.Coupon;
import io.connectcheckout.connectid.api.CouponList;
import io.connectcheckout.connectid.api.CouponPriceRequest;
import io.connectcheckout.connectid.api.CouponPriceResponse;
import io.connectcheckout.connectid.api.CustomerInfo;
import io.connectcheckout.connectid.api.CustomerProfile;
import io.connectcheckout.connectid.api.OrderLine;
import io.connectcheckout.connectid.api.OrderStatusList;
import io.connectcheckout.connectid.api.PaymentInfo;
import io.connectcheckout.connectid.api.RegisterOrderRequest;
import io.connectcheckout.connectid.api.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * {@link ConnectIdGateway} over ConnectID's HTTP API: the only place that knows the wire format,
 * timeouts, retries and error bodies. Nothing else injects the REST clients.
 *
 * <p>Why the OAuth client is written here rather than taken from quarkus-oidc: ConnectID issues
 * opaque tokens and no ID token or JWKS, the login is an optional detour in the middle of a
 * checkout (not a gate in front of a protected resource), the user's tokens must live in our
 * server-side checkout row (quarkus-oidc keeps them in an encrypted browser cookie by default),
 * and one process serves one ConnectID client per publisher. The protocol part is small: a state
 * and PKCE S256 verifier kept on the server, one form post to the token endpoint. Client-credentials
 * tokens are cached per client until a minute before they expire.
 *
 * <p>Fault tolerance: every call has a timeout (REST client and {@link Timeout}); calls are
 * retried only when they are idempotent — reads — and Register order only when ConnectID certainly
 * did not take it (ConnectID has no duplicate check); a circuit breaker stops hammering a ConnectID
 * that is down. Retries react only to {@link ConnectIdUnavailableException} (a timed-out attempt
 * is not repeated, so a shopper waits at most one timeout); the breaker counts timeouts as
 * failures too, or a ConnectID that hangs would never open it.
 */
@ApplicationScoped
@Timeout(value = 8, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        failOn = {ConnectIdUnavailableException.class, TimeoutException.class})
public class ConnectIdClient implements ConnectIdGateway {

    private static final Logger LOG = Logger.getLogger(ConnectIdClient.class);
    private static final long TOKEN_SKEW_SECONDS = 60;

    private final ConnectIdOrderApi orders;
    private final ConnectIdLoginApi login;
    private final URI loginBase;
    private final ObjectMapper json;
    private final Map<String, CachedToken> clientTokens = new ConcurrentHashMap<>();

    private record CachedToken(String accessToken, Instant refreshAfter) {
    }

    public ConnectIdClient(@RestClient ConnectIdOrderApi orders, @RestClient ConnectIdLoginApi login,
            @ConfigProperty(name = "quarkus.rest-client.connectid-login.url") URI loginBase, ObjectMapper json) {
        this.orders = orders;
        this.login = login;
        this.loginBase = loginBase;
        this.json = json;
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, retryOn = ConnectIdUnavailableException.class,
            abortOn = ConnectIdRejectedException.class)
    public OfferTerms couponTerms(ClientCredentials client, String couponCode, String couponNumber) {
        int number = Integer.parseInt(couponNumber);
        CouponPriceResponse price = withClientToken(client,
                bearer -> orders.couponPrice(bearer, new CouponPriceRequest(couponCode, number, null, "NO", null)));
        CouponList coupons = withClientToken(client, bearer -> orders.coupons(bearer, couponCode));
        Coupon coupon = coupons.coupons() == null ? null : coupons.coupons().stream()
                .filter(c -> c.couponNumber() != null && c.couponNumber() == number).findFirst().orElse(null);
        String currency = price.currency() == null ? "NOK" : price.currency();
        Money total = Money.of(price.price(), currency);
        Money vat = Money.of(price.vatAmount() == null ? BigDecimal.ZERO : price.vatAmount(), currency);
        if (coupon == null) {
            return new OfferTerms(null, total, vat, price.vatpercent(), 1, "month", null, null, null);
        }
        Coupon.Renewal renewal = coupon.renewal();
        return new OfferTerms(coupon.description(), total, vat, price.vatpercent(), parseInt(coupon.periodLength(), 1),
                coupon.periodType(),
                renewal == null || renewal.renewalPrice() == null ? null : Money.of(renewal.renewalPrice(), currency),
                renewal == null ? null : parseInt(renewal.periodLength(), 1),
                renewal == null ? null : renewal.periodType());
    }

    /**
     * Register order: ConnectID has no idempotency key and no duplicate check, so it is repeated only
     * when ConnectID certainly did not take it (no connection, or an answer of 503 or 429), never after
     * a request that got no answer or an answer that does not say (500, 502, 504). The checkout claims the registration before it calls this
     * (CheckoutService), so two steps never send it at once.
     */
    @Override
    @Retry(maxRetries = 2, delay = 200, retryOn = ConnectIdUnavailableException.class,
            abortOn = {ConnectIdRejectedException.class, ConnectIdNoAnswerException.class})
    public long registerOrder(ClientCredentials client, Optional<String> userAccessToken, OrderToRegister order) {
        RegisterOrderRequest request = toWire(order);
        if (userAccessToken.isPresent()) {
            return call(() -> orders.registerOrder("Bearer " + userAccessToken.get(), request)).orderId();
        }
        return withClientToken(client, bearer -> orders.registerOrderClientMode(bearer, request)).orderId();
    }

    @Override
    public Completion completeOrder(ClientCredentials client, long orderId) {
        CompleteOrderResponse response = withClientToken(client,
                bearer -> orders.completeOrder(bearer, new CompleteOrderRequest(orderId, null)));
        return new Completion("OK".equalsIgnoreCase(response.fulfillmentStatus()), response.errorMessage());
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, retryOn = ConnectIdUnavailableException.class,
            abortOn = ConnectIdRejectedException.class)
    public OrderStatus orderStatus(ClientCredentials client, long orderId) {
        OrderStatusList list = withClientToken(client, bearer -> orders.orderStatus(bearer, orderId));
        if (list.orders() == null || list.orders().isEmpty()) {
            return OrderStatus.UNKNOWN;
        }
        return OrderStatus.of(list.orders().get(0).orderStatus());
    }

    @Override
    public AssignedUser assignUser(ClientCredentials client, long orderId, String credential, URI returnUrl,
            URI errorUrl) {
        AssignUserRequest request = new AssignUserRequest(credential, true, returnUrl.toString(), errorUrl.toString(),
                24, client.clientId());
        AssignUserResponse response = withClientToken(client, bearer -> orders.assignUser(bearer, orderId, request));
        return new AssignedUser(response.uniqueUserId(), Boolean.TRUE.equals(response.isNewUser()),
                Boolean.TRUE.equals(response.isPasswordSet()));
    }

    @Override
    public URI fulfillmentUrl(String clientId, long orderId, URI returnUrl, URI errorUrl) {
        return UriBuilder.fromUri(loginBase).path("fulfillment")
                .queryParam("clientId", clientId)
                .queryParam("orderId", orderId)
                .queryParam("returnUrl", returnUrl.toString())
                .queryParam("errorUrl", errorUrl.toString())
                .build();
    }

    @Override
    public URI authorizeUrl(String clientId, URI redirectUri, String state, String codeChallenge) {
        return UriBuilder.fromUri(loginBase).path("oauth").path("authorize")
                .queryParam("client_id", clientId)
                .queryParam("redirect_uri", redirectUri.toString())
                .queryParam("response_type", "code")
                .queryParam("state", state)
                .queryParam("code_challenge", codeChallenge)
                .queryParam("code_challenge_method", "S256")
                .build();
    }

    @Override
    public Tokens exchangeCode(ClientCredentials client, String code, URI redirectUri, String codeVerifier) {
        TokenResponse tokens = call(() -> login.authorizationCode(basic(client), "authorization_code", code,
                redirectUri.toString(), codeVerifier));
        return new Tokens(tokens.accessToken(), tokens.refreshToken(),
                tokens.expiresIn() == null ? 3600 : tokens.expiresIn());
    }

    /** Not repeated after a request that got no answer: ConnectID may rotate the refresh token. */
    @Override
    @Retry(maxRetries = 2, delay = 200, retryOn = ConnectIdUnavailableException.class,
            abortOn = {ConnectIdRejectedException.class, ConnectIdNoAnswerException.class})
    public Tokens refresh(ClientCredentials client, String refreshToken) {
        TokenResponse tokens = call(() -> login.refreshToken(basic(client), "refresh_token", refreshToken));
        return new Tokens(tokens.accessToken(), tokens.refreshToken() == null ? refreshToken : tokens.refreshToken(),
                tokens.expiresIn() == null ? 3600 : tokens.expiresIn());
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, retryOn = ConnectIdUnavailableException.class,
            abortOn = ConnectIdRejectedException.class)
    public Profile profile(String userAccessToken) {
        String bearer = "Bearer " + userAccessToken;
        CustomerProfile profile = call(() -> orders.profile(bearer));
        CustomerInfo info = call(() -> orders.customerInfo(bearer));
        String email = profile.email() != null ? profile.email() : first(profile.emails());
        String mobile = profile.phoneNumber() != null ? profile.phoneNumber() : first(profile.phoneNumbers());
        String street = null;
        String postalCode = null;
        String city = null;
        if (info != null && info.address() != null) {
            CustomerInfo.Address a = info.address();
            street = a.street() == null ? null : (a.street() + (a.streetNumber() == null ? "" : " " + a.streetNumber()));
            postalCode = a.postalCode();
            city = a.postalPlace();
        }
        return new Profile(profile.uniqueUserId(), profile.firstName(), profile.lastName(), email, mobile, postalCode,
                street, city);
    }

    // ---- wire format ---------------------------------------------------------------------------

    static RegisterOrderRequest toWire(OrderToRegister order) {
        OrderToRegister.Payer p = order.payer();
        List<String> emails = p.email() == null ? null : List.of(p.email());
        List<String> phones = p.mobile() == null ? null : List.of(p.mobile());
        Address payer = Address.person(p.firstName(), p.lastName(), p.street(), p.postalCode(), p.city(), emails, phones);
        OrderLine line = "coupon".equals(order.specType())
                ? OrderLine.coupon(order.couponCode(), Integer.parseInt(order.couponNumber()))
                : OrderLine.product(order.productCode());
        PaymentInfo info = null;
        if (order.payment() != null) {
            OrderToRegister.PrepaidPayment pay = order.payment();
            info = new PaymentInfo(pay.transactionId(), pay.provider(), pay.amount().amount(),
                    pay.amount().currency().getCurrencyCode(), pay.maskedCard());
        }
        return new RegisterOrderRequest(order.externalOrderId(), Instant.now().toEpochMilli(), order.paymentMethod(),
                null, order.amount().amount(), order.amount().currency().getCurrencyCode(), null, null, null, null,
                null, null, null, null, payer, new ArrayList<>(List.of(line)), order.prepaid() ? Boolean.TRUE : null,
                null, info, null);
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    /** Calls with a cached client-credentials token; on {@code invalid_token} fetches a new one once. */
    private <T> T withClientToken(ClientCredentials client, java.util.function.Function<String, T> call) {
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

    private String clientToken(ClientCredentials client, boolean forceNew) {
        CachedToken cached = clientTokens.get(client.clientId());
        if (!forceNew && cached != null && Instant.now().isBefore(cached.refreshAfter())) {
            return cached.accessToken();
        }
        TokenResponse response = call(() -> login.clientCredentials(basic(client), "client_credentials"));
        long lifetime = response.expiresIn() == null ? 300 : response.expiresIn();
        clientTokens.put(client.clientId(), new CachedToken(response.accessToken(),
                Instant.now().plusSeconds(Math.max(0, lifetime - TOKEN_SKEW_SECONDS))));
        return response.accessToken();
    }

    /** Runs one HTTP call and turns its failure into one of our two exceptions. */
    private <T> T call(Supplier<T> request) {
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
            if (neverConnected(e)) {
                throw new ConnectIdUnavailableException("ConnectID unreachable: " + e.getMessage(), e);
            }
            // Sent, but no answer: ConnectID may have acted on it.
            throw new ConnectIdNoAnswerException("No answer from ConnectID: " + e.getMessage(), e);
        }
    }

    /** True when the request never left: no connection was made (refused, no route, unknown host, connect timeout). */
    private static boolean neverConnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private ConnectIdRejectedException rejected(int status, Response response) {
        String type = "HTTP " + status;
        String message = "";
        try {
            String body = response.readEntity(String.class);
            JsonNode node = json.readTree(body);
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

    private static String basic(ClientCredentials client) {
        String pair = client.clientId() + ":" + client.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
