package io.connectcheckout.connectid.client;

/** ConnectID order status. {@code preliminary} until fulfilled; the others are final. */
public enum OrderStatus {
    PRELIMINARY, COMPLETED, CANCELLED, FAILED, UNKNOWN;

    public static OrderStatus of(String wire) {
        if (wire == null) {
            return UNKNOWN;
        }
        return switch (wire.toLowerCase(java.util.Locale.ROOT)) {
            case "preliminary" -> PRELIMINARY;
            case "completed" -> COMPLETED;
            case "cancelled", "canceled" -> CANCELLED;
            case "failed" -> FAILED;
            default -> UNKNOWN;
        };
    }
}
