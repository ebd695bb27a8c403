package io.connectcheckout.checkout;

/** How the login server's redirect back to the checkout ended ({@link CheckoutLogin#completeLogin}). */
sealed interface LoginCallback {

    /** Logged in: the session's new cookie value (a new id after login). */
    record LoggedIn(String newCookie) implements LoginCallback {
    }

    /**
     * A login of this checkout that was used before (Back to the authorize URL, a reload, the other
     * of two tabs after the checkout moved on): nothing changes, the shopper sees the checkout as it is.
     */
    record AsItIs() implements LoginCallback {
    }

    /** Not a login of this checkout, too old, or its code refused by ConnectID: nothing changes. */
    record Refused() implements LoginCallback {
    }
}
