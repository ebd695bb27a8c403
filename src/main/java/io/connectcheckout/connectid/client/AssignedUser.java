package io.connectcheckout.connectid.client;

/** The ConnectID account an order was attached to, and whether it was created just now. */
public record AssignedUser(String uniqueUserId, boolean newUser, boolean passwordSet) {
}
