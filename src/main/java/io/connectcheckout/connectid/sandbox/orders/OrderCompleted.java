package io.connectcheckout.connectid.sandbox.orders;

import java.time.Instant;

/**
 * Fired (synchronously, inside the transaction that completes it) when an order becomes
 * {@code completed}, however it got there: Complete order, or the fulfillment URL after payment.
 */
public record OrderCompleted(SandboxOrder order, Instant at) {
}
