package io.connectcheckout.connectid.sandbox.oauth;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * The key a client address is counted under by the guessing limits: an IPv4 address as it is, an
 * IPv6 address by its /64 network, since one subscriber is usually given a whole /64 and could
 * otherwise send every guess from a fresh address (outside attack of stop 22; RFC 6177 §2,
 * RFC 7381 §2.1). Parsed with Guava's {@link InetAddresses} (no name lookup); what is not an
 * address literal is counted by its text, and a missing one as {@code unknown}.
 */
final class ClientAddresses {

    private ClientAddresses() {
    }

    static String key(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!InetAddresses.isInetAddress(literal)) {
            return address.length() > 64 ? address.substring(0, 64) : address;
        }
        // An IPv4-mapped IPv6 literal (::ffff:192.0.2.1) parses to its IPv4 address already.
        InetAddress parsed = InetAddresses.forString(literal);
        if (parsed instanceof Inet6Address v6) {
            byte[] network = Arrays.copyOf(v6.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            try {
                return InetAddresses.toAddrString(InetAddress.getByAddress(network)) + "/64";
            } catch (java.net.UnknownHostException impossible) {
                return literal;
            }
        }
        return parsed.getHostAddress();
    }
}
