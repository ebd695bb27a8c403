package io.connectcheckout.connectid.sandbox.oauth;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client addresses from which an identifier (a credential, a client id) has proven its secret
 * recently: the address form of OWASP's "device cookies" (Slow Down Online Guessing Attacks with
 * Device Cookies), kept by the server instead of the browser so API clients, which keep no cookies,
 * get it too. A limit counted for the identifier across all addresses never applies to these, so
 * strangers spread over many addresses cannot make the owner wait where the owner has logged in
 * before. Entries are only made by a success (the right secret), so guessing cannot fill this map;
 * one is forgotten {@code rememberFor} after its last success. In memory per instance; times are
 * epoch milliseconds of the caller's (injected) clock.
 */
final class KnownAddresses {

    private final Duration rememberFor;
    private final ConcurrentHashMap<String, Long> lastSuccess = new ConcurrentHashMap<>();

    KnownAddresses(Duration rememberFor) {
        this.rememberFor = rememberFor;
    }

    void remember(String identifier, String address, long nowMillis) {
        lastSuccess.put(pair(identifier, address), nowMillis);
    }

    boolean contains(String identifier, String address, long nowMillis) {
        Long last = lastSuccess.get(pair(identifier, address));
        return last != null && nowMillis - last < rememberFor.toMillis();
    }

    void forgetIdle(long nowMillis) {
        lastSuccess.values().removeIf(last -> nowMillis - last >= rememberFor.toMillis());
    }

    /** One key for an identifier at an address; a line break appears in neither. */
    static String pair(String identifier, String address) {
        return identifier + "\n" + address;
    }
}
