package io.connectcheckout.testing;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The settings a part of the application sees when it runs on its own: {@code application.properties}
 * reduced to the keys that part owns (plus Quarkus' HTTP port keys), no environment, mapped onto
 * the part's {@code @ConfigMapping}. A default that leans on another part's key, such as
 * {@code ${checkout.public-url}}, then fails to resolve. No application start.
 */
public final class OwnSettings {

    private OwnSettings() {
    }

    /** The configuration under {@code profile} ({@code prod} as the jar runs, {@code test} as the suite does). */
    public static SmallRyeConfig load(String profile, Class<?> mapping, String... ownPrefixes) {
        List<String> kept = new ArrayList<>(List.of(ownPrefixes));
        kept.add("quarkus.http.");
        Map<String, String> own = new HashMap<>();
        applicationProperties().forEach((key, value) -> {
            String name = key.toString().replaceFirst("^%[^.]+\\.", "");
            if (kept.stream().anyMatch(name::startsWith)) {
                own.put(key.toString(), value.toString());
            }
        });
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(own, "own settings", 100))
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus' "30m", "5s"
                .withMapping(mapping).build();
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = OwnSettings.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
