package io.connectcheckout.connectid.client;

import java.net.URI;
import java.util.Optional;

/**
 * ConnectID, in the checkout's own words: the login server (OAuth 2.0 code flow with PKCE) and
 * the Order API calls the four order flows need. The implementation speaks the real wire format
 * over MicroProfile REST clients, so pointing its URLs at the real ConnectID is all a publisher
 * changes.
 *
 * <p>Failures: {@link ConnectIdRejectedException} when ConnectID refused the call (400 with
 * {@code exceptionType}, OAuth errors); {@link ConnectIdUnavailableException} when it could not
 * be reached, timed out, answered 5xx or the circuit is open.
 */
public interface ConnectIdGateway {

    /** Price, VAT, period and renewal terms of a coupon offer, from ConnectID's catalogue. */
    OfferTerms couponTerms(ClientCredentials client, String couponCode, String couponNumber);

    /**
     * Registers an order: in user mode with the shopper's access token when present, in client
     * mode otherwise. Safe to repeat with the same {@code externalOrderId}.
     */
    long registerOrder(ClientCredentials client, Optional<String> userAccessToken, OrderToRegister order);

    /** Complete order – client mode (prepaid orders and non-interactive methods). */
    Completion completeOrder(ClientCredentials client, long orderId);

    /** The order's status and customer, read server to server: the only trusted outcome. */
    OrderState order(ClientCredentials client, long orderId);

    /** The order's status, read server to server: the only trusted outcome. */
    default OrderStatus orderStatus(ClientCredentials client, long orderId) {
        return order(client, orderId).status();
    }

    /** Assign user – client mode: finds or creates the shopper's account and sends them a link. */
    AssignedUser assignUser(ClientCredentials client, long orderId, String credential, URI returnUrl, URI errorUrl,
            java.util.Locale language);

    /** Where the browser goes to pay an order during fulfillment. */
    URI fulfillmentUrl(String clientId, long orderId, URI returnUrl, URI errorUrl);

    /** Where the browser goes to log in (authorization code flow, PKCE S256). */
    URI authorizeUrl(String clientId, URI redirectUri, String state, String codeChallenge);

    /** Exchanges an authorization code for tokens (server to server). */
    Tokens exchangeCode(ClientCredentials client, String code, URI redirectUri, String codeVerifier);

    /**
     * New tokens for a logged-in shopper whose access token runs out (refresh_token grant).
     *
     * @throws ConnectIdRejectedException when ConnectID no longer accepts the refresh token
     */
    Tokens refresh(ClientCredentials client, String refreshToken);

    /** The logged-in shopper's profile, for prefilling the payer details. */
    Profile profile(String userAccessToken);
}
