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

    /**
     * The attempt's payment is still open, waiting for the shopper at the payment provider (or at
     * ConnectID's fulfillment), while the shopper is on one of our pages: they left its page without
     * finishing (Back). Show that it was not completed, with the ways on.
     */
    record PaymentOpen() implements Next {
    }

    /** The outcome is not known yet: show the self-refreshing status page. */
    record Pending() implements Next {
    }
}
