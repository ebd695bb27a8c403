package io.connectcheckout.testing;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.http.conn.params.ConnRoutePNames;

/**
 * Requests from another client address on the loopback network: Linux answers every
 * {@code 127.0.0.0/8} address, so binding the connection's local end to {@code 127.0.0.2} makes the
 * server see a second client (its {@code remoteAddress}) without a proxy header anyone could forge.
 * For limits kept per address (a stranger's guesses must not slow the owner down).
 */
public final class FromAddress {

    private FromAddress() {
    }

    /** A RestAssured request whose connection starts at {@code localAddress} (for example {@code 127.0.0.2}). */
    public static RequestSpecification given(String localAddress) {
        try {
            InetAddress local = InetAddress.getByName(localAddress);
            return RestAssured.given().config(RestAssured.config().httpClient(
                    HttpClientConfig.httpClientConfig().setParam(ConnRoutePNames.LOCAL_ADDRESS, local)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(localAddress, e);
        }
    }
}
