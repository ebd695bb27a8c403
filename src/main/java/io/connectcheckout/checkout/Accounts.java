package io.connectcheckout.checkout;

import io.connectcheckout.connectid.client.ClientCredentials;
import io.connectcheckout.payment.client.PaymentAccount;
import io.connectcheckout.publisher.Publisher;

/** A publisher's own accounts at ConnectID and at the payment provider, as the clients take them. */
public final class Accounts {

    private Accounts() {
    }

    /** The publisher's ConnectID client (OAuth 2.0 client id and secret). */
    public static ClientCredentials connectId(Publisher publisher) {
        return new ClientCredentials(publisher.connectIdClientId, publisher.connectIdClientSecret);
    }

    /** The publisher's merchant account at the payment provider (API key and callback secret). */
    public static PaymentAccount payment(Publisher publisher) {
        return new PaymentAccount(publisher.pspApiKey, publisher.pspCallbackSecret);
    }
}
