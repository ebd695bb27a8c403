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
