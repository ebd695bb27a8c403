package io.connectcheckout.payment.client;

import java.net.URI;

/** A created payment: its id at the provider and the page the shopper's browser must go to. */
public record StartedPayment(String paymentId, URI redirectUrl, PaymentState state) {
}
