package io.connectcheckout.web;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import jakarta.inject.Singleton;

/**
 * Keeps request-targets that are not paths, or not paths in normal form, out of the metrics' {@code uri} tag.
 *
 * <p>{@code GET x}, {@code POST checkout/x} and {@code CONNECT host:443} (RFC 9112 §3.2: not the
 * origin-form {@code /path} nor the absolute-form {@code http://host/path} a browser sends) are
 * answered 404 by the router before any filter of ours runs. Quarkus' Micrometer binder then
 * compares the target it saw ({@code x}) with the path it normalised ({@code /x}), takes the
 * difference for a route template and records each one under its own {@code uri} tag, so a
 * stranger could fill the tag cap (found by the outside attack). Such a request is counted under
 * the binder's own fixed values instead: {@code NOT_FOUND} for a 404, {@code UNKNOWN} otherwise.
 * Contributed tags replace the binder's tag of the same key (Micrometer {@link Tags#and}).
 */
@Singleton
public class RequestTargetMetricTags implements HttpServerMetricsTagsContributor {

    @Override
    public Tags contribute(Context context) {
        String target = context.request().uri();
        if (target == null || !(target.startsWith("/") || target.startsWith("http://") || target.startsWith("https://"))
                || !normalised(target)) {
            return Tags.of("uri", context.response().statusCode() == 404 ? "NOT_FOUND" : "UNKNOWN");
        }
        return Tags.empty();
    }

    /**
     * Whether the target's path is already in normal form: no empty segment ({@code //x}), no dot
     * segment ({@code /../x}, {@code /./x}), no backslash. Such paths are what the binder also
     * mistakes for a template, each its own tag (found by the outside attack of stop 23: {@code
     * //evil.com/}, {@code //../x}); a browser never sends them, so no route's counts are lost.
     */
    static boolean normalised(String target) {
        String path = target;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return !(path.contains("//") || path.contains("\\") || path.contains("/./") || path.contains("/../")
                || path.endsWith("/.") || path.endsWith("/..") || path.toLowerCase(java.util.Locale.ROOT).contains("%2e"));
    }
}
