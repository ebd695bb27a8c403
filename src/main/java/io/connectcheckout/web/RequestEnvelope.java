package io.connectcheckout.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses a request whose envelope no endpoint can read, before any body parser sees it: a
 * {@code Content-Type} that is not {@code type/subtype} with well-formed parameters, sent twice,
 * or with a {@code charset} this JVM does not have ({@code charset='utf-8'}, {@code charset=bogus-1});
 * a multipart body (no endpoint takes one); and a POST to a page that is not a form post (the
 * pages' forms are all {@code application/x-www-form-urlencoded}). Such requests got a 500 and an
 * ERROR with a stack trace from the framework's parsers; now a 400 (415 for multipart) with the
 * translated page, logged at DEBUG. OPTIONS, which no endpoint serves, is a 405. A path not in
 * normal form ({@code /css/./x/../app.css}, {@code /css/%61pp.css}) is a 400: browsers never send
 * one, and served as the file it names it would be counted in the metrics under its raw spelling,
 * one new tag per spelling.
 *
 * <p>Registered as a Vert.x route filter after {@link SecurityHeaders}, so the refusal carries the
 * same headers as every page.
 */
@ApplicationScoped
public class RequestEnvelope {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN);
    private static final Pattern PARAMETER = Pattern.compile("(" + TOKEN + ")=(" + TOKEN + "|\"[^\"\\\\]*\")");
    /** Where the pages are (the checkout's, the stand-ins' login and payment pages, support): their POSTs are forms. */
    private static final List<String> PAGE_PATHS = List.of("/checkout/", "/user/", "/psp/pay/", "/support");
    /** The one machine endpoint among the pages (OAuth clients post forms there, with their own rules). */
    private static final String TOKEN_ENDPOINT = "/user/oauth/token";

    private final String csrfCookie;

    public RequestEnvelope(
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.rest-csrf.cookie-name",
                    defaultValue = "csrf-token") String csrfCookie) {
        this.csrfCookie = csrfCookie;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (rc.request().method() == HttpMethod.OPTIONS) {
                // No endpoint serves OPTIONS (no CORS here). The framework's automatic 200 for a
                // templated path carries no route template, so each made-up path would become a
                // metric tag of its own; a 405 is counted under uri="UNKNOWN".
                rc.response().putHeader("Allow", "GET, HEAD, POST");
                EnvelopeAnswers.refuse(rc, 405, "OPTIONS");
                return;
            }
            String target = rc.request().uri();
            if (target == null || !(target.startsWith("/") || target.startsWith("http://")
                    || target.startsWith("https://"))) {
                // "GET x", "CONNECT host:443", "OPTIONS *": not a path (origin-form, RFC 9112 §3.2),
                // and counted under their raw spelling they would each add a metric tag.
                EnvelopeAnswers.refuse(rc, 400, "a request-target that is not a path");
                return;
            }
            normalise(rc.request());
            String problem = rc.request().path() != null && !rc.request().path().equals(rc.normalizedPath())
                    ? "a path that is not in normal form (dot segments, encoded unreserved characters)"
                    : problem(rc.request());
            if (problem == null) {
                rc.next();
            } else {
                EnvelopeAnswers.refuse(rc, problem.startsWith("multipart") ? 415 : 400, problem);
            }
        }, 90);
    }

    /**
     * Readings the parsers after this filter would get wrong: a form's media type in upper case
     * (media types are case-insensitive, RFC 9110 §8.3.1; the CSRF check reads only the lower-case
     * spelling) is lower-cased; two CSRF cookies of the same name (a sibling subdomain can add one)
     * are both dropped, as if none had come, so the page is served with a fresh cookie instead of a
     * blank 400, and a form posted with them is refused by the token check with its page.
     */
    private void normalise(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        if (type != null && isForm(type) && !type.equals(type.toLowerCase(Locale.ROOT))) {
            String[] parts = type.split(";", 2);
            request.headers().set("Content-Type", parts[0].trim().toLowerCase(Locale.ROOT)
                    + (parts.length > 1 ? ";" + parts[1] : ""));
        }
        List<String> cookies = request.headers().getAll("Cookie");
        if (cookies.isEmpty()) {
            return;
        }
        String prefix = csrfCookie + "=";
        List<String> pairs = cookies.stream().flatMap(h -> java.util.Arrays.stream(h.split(";")))
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (pairs.stream().filter(p -> p.startsWith(prefix)).count() > 1) {
            List<String> kept = pairs.stream().filter(p -> !p.startsWith(prefix)).toList();
            if (kept.isEmpty()) {
                request.headers().remove("Cookie");
            } else {
                request.headers().set("Cookie", String.join("; ", kept));
            }
        }
    }

    /** What is wrong with the request's envelope, or null when nothing is. */
    static String problem(HttpServerRequest request) {
        List<String> types = request.headers().getAll("Content-Type");
        if (types.size() > 1) {
            return "two Content-Type headers";
        }
        String type = types.isEmpty() ? null : types.get(0);
        if (type != null) {
            String wrong = contentTypeProblem(type);
            if (wrong != null) {
                return wrong;
            }
        }
        if (request.method() == HttpMethod.POST && isPage(request.path()) && !isForm(type)) {
            return "a page accepts only form posts (application/x-www-form-urlencoded)";
        }
        return null;
    }

    /** Why a {@code Content-Type} value cannot be read, or null when it can. */
    static String contentTypeProblem(String value) {
        String[] parts = value.split(";", -1);
        String mediaType = parts[0].trim();
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            return "Content-Type is not type/subtype";
        }
        if (mediaType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return "multipart bodies are not accepted";
        }
        boolean charsetSeen = false;
        for (int i = 1; i < parts.length; i++) {
            var parameter = PARAMETER.matcher(parts[i].trim());
            if (!parameter.matches()) {
                return "a malformed Content-Type parameter";
            }
            if (parameter.group(1).equalsIgnoreCase("charset")) {
                if (charsetSeen) {
                    return "two charset parameters";
                }
                charsetSeen = true;
                if (!supported(unquote(parameter.group(2)))) {
                    return "a charset this server does not know";
                }
            }
        }
        return null;
    }

    private static boolean supported(String charset) {
        try {
            return !charset.isEmpty() && Charset.isSupported(charset);
        } catch (IllegalArgumentException illegalName) {
            return false;
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private static boolean isPage(String path) {
        return path != null && !path.startsWith(TOKEN_ENDPOINT) && PAGE_PATHS.stream().anyMatch(path::startsWith);
    }

    private static boolean isForm(String type) {
        return type != null && type.split(";", 2)[0].trim().equalsIgnoreCase("application/x-www-form-urlencoded");
    }
}
