package io.connectcheckout.connectid.client;

/** The logged-in shopper as ConnectID knows them; any field may be null. */
public record Profile(String userId, String firstName, String lastName, String email, String mobile,
        String postalCode, String street, String city) {
}
