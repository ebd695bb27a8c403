package io.connectcheckout.connectid.client;

/**
 * An order as ConnectID's status endpoint reports it: its status, and the number of the customer
 * it was registered for (null when ConnectID did not say). A guest's later attempts reuse that
 * customer ({@code payer.customerNumber}) rather than have ConnectID create another one.
 */
public record OrderState(OrderStatus status, Long customerNumber) {
}
