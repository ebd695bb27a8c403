package io.connectcheckout.checkout;

import io.connectcheckout.testing.Shopper;
import java.util.Map;

/** Lets tests in other packages walk a checkout to its receipt. */
public final class CheckoutGuardsTestAccess {

    private CheckoutGuardsTestAccess() {
    }

    public static Shopper completedInvoiceCheckout(String email) {
        Shopper shopper = CheckoutGuardsTest.atReview("invoice", email);
        shopper.submitAndFollow("form[action='/checkout/confirm']", Map.of(), null);
        return shopper;
    }

    public static String reference(Shopper shopper) {
        return CheckoutGuardsTest.session(shopper).reference();
    }
}
