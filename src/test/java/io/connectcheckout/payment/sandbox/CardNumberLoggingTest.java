package io.connectcheckout.payment.sandbox;

import static io.connectcheckout.payment.sandbox.PspTestClient.action;
import static io.connectcheckout.payment.sandbox.PspTestClient.createPayment;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.payment.sandbox.PspTestClient.Shopper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** Everything logged during a full card payment (pay, 3-D Secure, capture, refund) holds no card number. */
@QuarkusTest
class CardNumberLoggingTest {

    @Test
    void theLogOfAFullCardPaymentContainsNoCardNumber() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                StringWriter text = new StringWriter().append(record.getLoggerName()).append(' ').append(message);
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(text));
                }
                lines.add(text.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String approved;
        String threeDs;
        try {
            approved = createPayment("card", 10000);
            new Shopper().payWithCard(approved, "4111 1111 1111 1111", "12/39", "123");
            action(approved, "capture").then().statusCode(200);
            action(approved, "refund").then().statusCode(200);

            threeDs = createPayment("card", 10000);
            Shopper shopper = new Shopper();
            shopper.payWithCard(threeDs, "4000000000003220", "12/39", "123");
            shopper.open("/psp/pay/" + threeDs + "/3ds");
            shopper.post("/psp/pay/" + threeDs + "/3ds", java.util.Map.of("decision", "approve"));

            // a rejected form too: the number must not appear in any validation log either
            String bad = createPayment("card", 10000);
            new Shopper().payWithCard(bad, "4111 1111 1111 1112", "12/39", "123");
        } finally {
            root.removeHandler(capture);
        }
        String log = String.join("\n", lines);
        assertTrue(log.contains(approved) && log.contains(threeDs), "the handler saw the payments:\n" + log);
        assertTrue(log.contains("**** 1111"), "the masked number is what gets logged:\n" + log);
        for (String number : new String[] {"4111111111111111", "4111 1111 1111 1111", "4000000000003220",
                "4111 1111 1111 1112", "4111111111111112"}) {
            assertFalse(log.contains(number), "card number " + number + " in the log:\n" + log);
        }
    }
}
