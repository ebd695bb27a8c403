package io.connectcheckout.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A forged {@code Host} header never reaches a {@code Location}: redirects are built from
 * {@code checkout.public-url} (issue 12, item 4). Sent over a raw socket, since HTTP clients
 * will not forge a Host.
 */
@QuarkusTest
class HostHeaderSecurityTest {

    /** Pages that redirect a browser without a checkout. */
    @ParameterizedTest
    @ValueSource(strings = {"/checkout/details", "/checkout/review", "/checkout/status", "/checkout/receipt",
        "/checkout/failed"})
    void aForgedHostNeverEndsUpInTheLocation(String path) throws IOException {
        String response = get(path, "evil.example");
        assertTrue(response.startsWith("HTTP/1.1 303"), response);
        String location = header(response, "Location");
        assertFalse(location.contains("evil.example"), location);
        String publicUrl = ConfigProvider.getConfig().getValue("checkout.public-url", String.class);
        assertTrue(location.startsWith(publicUrl + "/"), location);
    }

    /** The checkout's own host is answered as before. */
    @ParameterizedTest
    @ValueSource(strings = {"/checkout/details"})
    void theRealHostIsAnsweredAsBefore(String path) throws IOException {
        String publicUrl = ConfigProvider.getConfig().getValue("checkout.public-url", String.class);
        String response = get(path, publicUrl.replaceFirst("^https?://", ""));
        assertEquals(publicUrl + "/", header(response, "Location"));
    }

    private static String get(String path, String host) throws IOException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }
}
