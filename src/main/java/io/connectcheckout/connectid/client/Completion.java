package io.connectcheckout.connectid.client;

/** Result of Complete order – client mode. */
public record Completion(boolean ok, String errorMessage) {
}
