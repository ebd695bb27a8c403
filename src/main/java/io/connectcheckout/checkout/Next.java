package io.connectcheckout.checkout;

import java.net.URI;

/** What the browser should see next after a step of the checkout. */
public sealed interface Next {

    /** Send the browser elsewhere (ConnectID fulfillment, the payment page). */
    record Redirect(URI to) implements Next {
    }

    /** Show one of our pages for the checkout's current step. */
    record Page(Step step) implements Next {
    }

    /** The outcome is not known yet: show the self-refreshing status page. */
    record Pending() implements Next {
    }
}
