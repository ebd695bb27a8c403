package io.connectcheckout.connectid.client;

import io.connectcheckout.connectid.api.AssignUserRequest;
import io.connectcheckout.connectid.api.AssignUserResponse;
import io.connectcheckout.connectid.api.CompleteOrderResponse;
import io.connectcheckout.connectid.api.OrderStatusList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * {@link ConnectIdGateway} over ConnectID's HTTP API. The shape is the same as the payment
 * provider's: package-private REST interfaces ({@link ConnectIdOrderApi}, {@link ConnectIdLoginApi})
 * → one bean with the fault tolerance ({@link ConnectIdCalls}) → this adapter, which speaks the
 * checkout's words and lets only our exceptions out: a fault-tolerance timeout becomes
 * {@link ConnectIdNoAnswerException} (the request went out; ConnectID may have acted), an open
 * circuit or any other fault-tolerance refusal {@link ConnectIdUnavailableException}.
 *
 * <p>Why the OAuth client is written here rather than taken from quarkus-oidc: ConnectID issues
 * opaque tokens and no ID token or JWKS, the login is an optional detour in the middle of a
 * checkout (not a gate in front of a protected resource), the user's tokens must live in our
 * server-side checkout row (quarkus-oidc keeps them in an encrypted browser cookie by default),
 * and one process serves one ConnectID client per publisher. The protocol part is small: a state
 * and PKCE S256 verifier kept on the server (RFC 7636), one form post to the token endpoint.
 */
@ApplicationScoped
public class ConnectIdClient implements ConnectIdGateway {

    private final ConnectIdCalls calls;
    private final URI loginBase;
    private final Clock clock;

    public ConnectIdClient(ConnectIdCalls calls,
            @ConfigProperty(name = "quarkus.rest-client.connectid-login.url") URI loginBase, Clock clock) {
        this.calls = calls;
        this.loginBase = loginBase;
        this.clock = clock;
    }

    @Override
    public OfferTerms couponTerms(ClientCredentials client, String couponCode, String couponNumber) {
        int number = Integer.parseInt(couponNumber);
        ConnectIdCalls.CouponQuote quote = ours(() -> calls.couponQuote(client, couponCode, number));
        return ConnectIdWire.toTerms(quote.price(), quote.coupons(), number);
    }

    @Override
    public long registerOrder(ClientCredentials client, Optional<String> userAccessToken, OrderToRegister order) {
        return ours(() -> calls.registerOrder(client, userAccessToken, ConnectIdWire.toWire(order, clock.instant())));
    }

    @Override
    public Completion completeOrder(ClientCredentials client, long orderId) {
        CompleteOrderResponse response = ours(() -> calls.completeOrder(client, orderId));
        return new Completion("OK".equalsIgnoreCase(response.fulfillmentStatus()), response.errorMessage());
    }

    @Override
    public OrderState order(ClientCredentials client, long orderId) {
        OrderStatusList list = ours(() -> calls.orderStatus(client, orderId));
        if (list.orders() == null || list.orders().isEmpty()) {
            return new OrderState(OrderStatus.UNKNOWN, null);
        }
        var order = list.orders().get(0);
        return new OrderState(OrderStatus.of(order.orderStatus()), order.customerNumber());
    }

    @Override
    public AssignedUser assignUser(ClientCredentials client, long orderId, String credential, URI returnUrl,
            URI errorUrl, java.util.Locale language) {
        AssignUserRequest request = new AssignUserRequest(credential, true, returnUrl.toString(), errorUrl.toString(),
                24, client.clientId());
        AssignUserResponse response = ours(() -> calls.assignUser(client, orderId,
                language == null ? null : language.toLanguageTag(), request));
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
        return ConnectIdWire.toTokens(ours(() -> calls.exchangeCode(client, code, redirectUri.toString(), codeVerifier)),
                null);
    }

    @Override
    public Tokens refresh(ClientCredentials client, String refreshToken) {
        return ConnectIdWire.toTokens(ours(() -> calls.refresh(client, refreshToken)), refreshToken);
    }

    @Override
    public Profile profile(String userAccessToken) {
        return ours(() -> calls.profile(userAccessToken));
    }

    /** Runs a call and lets only our exceptions out (see the class comment). */
    private static <T> T ours(Supplier<T> call) {
        try {
            return call.get();
        } catch (TimeoutException e) {
            throw new ConnectIdNoAnswerException("No answer from ConnectID in time", e);
        } catch (FaultToleranceException e) {
            throw new ConnectIdUnavailableException("ConnectID not called: " + e.getClass().getSimpleName(), e);
        }
    }
}
