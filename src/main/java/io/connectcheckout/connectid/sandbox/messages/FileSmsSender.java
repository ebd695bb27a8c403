package io.connectcheckout.connectid.sandbox.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The default SMS sender for local runs and tests: logs that an SMS went out (recipient only,
 * the text holds a login link) and appends {@code time<TAB>to<TAB>text} to a file.
 */
public class FileSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(FileSmsSender.class);

    private final Path file;

    public FileSmsSender(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void send(String to, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            String line = Instant.now() + "\t" + to + "\t" + text.replace('\n', ' ') + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            LOG.infof("SMS to %s written to %s", to, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
