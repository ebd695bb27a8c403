package io.connectcheckout.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Records every ERROR (or worse) the application under test logs while it is open, with its
 * stack trace: a test that sends hostile input asserts afterwards that the input caused none.
 * Installed on the root logger of the JBoss log manager the test JVM shares with the application.
 *
 * <pre>{@code
 * try (ErrorLog errors = ErrorLog.open()) {
 *     ... send the input ...
 *     errors.assertNone("the hostile input");
 * }
 * }</pre>
 */
public final class ErrorLog implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Level least;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() < least.intValue()) {
                return;
            }
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringWriter text = new StringWriter().append(record.getLevel().getName()).append(' ')
                    .append(record.getLoggerName()).append(' ').append(message);
            if (record.getThrown() != null) {
                text.append('\n');
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

    private ErrorLog(Level least) {
        this.least = least;
        handler.setLevel(least);
        Logger.getLogger("").addHandler(handler);
    }

    /** Starts recording. */
    public static ErrorLog open() {
        return new ErrorLog(Level.SEVERE);
    }

    /** Starts recording WARN lines too (e.g. Hibernate's SQL warnings, which carry the refused values). */
    public static ErrorLog openWithWarnings() {
        return new ErrorLog(Level.WARNING);
    }

    /** Starts recording every line at INFO or above: for a test that a secret never reaches the log. */
    public static ErrorLog openAll() {
        return new ErrorLog(Level.INFO);
    }

    /** Fails if any recorded line contains {@code secret} (a token, a link), naming where it was expected not to be. */
    public void assertNoLineContains(String secret, String what) {
        List<String> leaked = lines.stream().filter(line -> line.contains(secret)).toList();
        if (!leaked.isEmpty()) {
            throw new AssertionError(what + " is in " + leaked.size() + " log line(s):\n" + String.join("\n", leaked));
        }
    }

    /** The ERROR lines logged since {@link #open()} (or the last {@link #clear()}). */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    public void clear() {
        lines.clear();
    }

    /** Fails, naming what was sent, if anything was logged at ERROR since the last clear. */
    public void assertNone(String after) {
        if (!lines.isEmpty()) {
            throw new AssertionError(lines.size() + " ERROR line(s) logged after " + after + ":\n"
                    + String.join("\n", lines));
        }
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
