package io.connectcheckout.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The shared stylesheet under a versioned URL, and long-lived caching for it (issue 14 item 15):
 * pages link {@code /css/app.css?v=<first 12 hex digits of the file's SHA-256>}, so the URL
 * changes whenever the file does, and a request carrying that version is answered with
 * {@code Cache-Control: public, max-age=31536000, immutable} (RFC 9111 §5.2.2.1, RFC 8246). A
 * request without a version, or with another one, keeps the static handler's short default, so a
 * stale URL is never pinned for a year. Templates read {@code inject:assets.stylesheet}.
 */
@ApplicationScoped
@Named("assets")
public class StaticAssets {

    /** One year in seconds: the longest {@code max-age} caches are asked to honour. */
    static final long ONE_YEAR_SECONDS = 31_536_000L;
    private static final String STYLESHEET = "/css/app.css";

    private final String version = versionOf("META-INF/resources" + STYLESHEET);

    /** The stylesheet's versioned URL, e.g. {@code /css/app.css?v=1a2b3c4d5e6f}. */
    public String stylesheet() {
        return STYLESHEET + "?v=" + version;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (STYLESHEET.equals(rc.request().path()) && version.equals(rc.request().getParam("v"))) {
                rc.addHeadersEndHandler(ignored -> {
                    if (rc.response().getStatusCode() == 200) {
                        rc.response().headers().set("Cache-Control", "public, max-age=" + ONE_YEAR_SECONDS + ", immutable");
                    }
                });
            }
            rc.next();
        }, 90);
    }

    private static String versionOf(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing static resource " + resource);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
