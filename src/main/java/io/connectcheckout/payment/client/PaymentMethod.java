package io.connectcheckout.payment.client;

/** How the shopper pays on the provider's page. */
public enum PaymentMethod {
    /** Card number, expiry and CVC, possibly with a 3-D Secure challenge. */
    CARD,
    /** A mobile wallet approved in an app (Vipps-like). */
    WALLET
}
