package io.connectcheckout.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key exists, with a non-blank text, in English and in Norwegian, in every bundle. */
class MessageBundlesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");

    @Test
    void everyBundleHasBothLanguagesWithTheSameKeys() throws IOException {
        List<Path> english;
        try (Stream<Path> files = Files.list(MESSAGES)) {
            english = files.filter(p -> p.getFileName().toString().endsWith("_en.properties")).sorted().toList();
        }
        assertFalse(english.isEmpty(), "no message bundles found under " + MESSAGES);
        for (Path en : english) {
            Path nb = en.resolveSibling(en.getFileName().toString().replace("_en.properties", "_nb.properties"));
            assertTrue(Files.exists(nb), "missing Norwegian bundle " + nb);
            Properties enProps = load(en);
            Properties nbProps = load(nb);
            assertEquals(new TreeSet<>(enProps.stringPropertyNames()), new TreeSet<>(nbProps.stringPropertyNames()),
                    "keys differ between " + en.getFileName() + " and " + nb.getFileName());
            for (String key : enProps.stringPropertyNames()) {
                assertFalse(enProps.getProperty(key).isBlank(), key + " is blank in " + en.getFileName());
                assertFalse(nbProps.getProperty(key).isBlank(), key + " is blank in " + nb.getFileName());
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
