package io.connectcheckout.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * A real SMTP server (GreenMail) that the checkout's own mailer ({@code quarkus.mailer.checkout.*})
 * sends to in every test start, so the order confirmation is read as a shopper's mail program
 * receives it: MIME parts, headers, encodings. Applies to every start (not restricted to a class),
 * so it adds no start of its own. Tests read it through {@link #received(String)}.
 */
@QuarkusTestResource(SmtpServer.class)
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        GreenMail started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        server = started;
        return Map.of("quarkus.mailer.checkout.port", String.valueOf(port),
                "quarkus.mailer.checkout.host", "127.0.0.1");
    }

    @Override
    public void stop() {
        GreenMail running = server;
        if (running != null) {
            running.stop();
        }
    }

    /** Every message the server received for {@code address} so far, oldest first. */
    public static List<MimeMessage> received(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> sentTo(m, address)).toList();
    }

    /** Waits (up to 15 s) until {@code address} has received {@code count} messages, and returns them. */
    public static List<MimeMessage> await(String address, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> received(address).size() >= count);
        return received(address);
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
