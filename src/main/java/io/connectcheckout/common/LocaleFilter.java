package io.connectcheckout.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Chooses the language of each request and keeps an explicit choice in a cookie for a year.
 *
 * <p>The resolved language replaces the request's {@code Accept-Language} header, so Qute (which
 * localises message bundles from that header) and our own code agree on one locale.
 */
public class LocaleFilter {

    static final String COOKIE = RequestLocale.COOKIE;
    private static final String SWITCHED = LocaleFilter.class.getName() + ".switched";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private final RequestLocale requestLocale;
    private final Cookies cookies;

    public LocaleFilter(RequestLocale requestLocale, Cookies cookies) {
        this.requestLocale = requestLocale;
        this.cookies = cookies;
    }

    @ServerRequestFilter(preMatching = true)
    public void resolve(ContainerRequestContext request) {
        String switchTo = RequestLocale.supported(request.getUriInfo().getQueryParameters().getFirst("lang"));
        if (switchTo != null) {
            request.setProperty(SWITCHED, switchTo);
        }
        List<String> acceptable = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE) == null ? List.of()
                : acceptable(request);
        requestLocale.asked(acceptable.stream().filter(tag -> !"*".equals(tag)).map(Locale::forLanguageTag).toList());
        Cookie cookie = request.getCookies().get(cookies.name(COOKIE));
        String chosen = RequestLocale.choose(switchTo, cookie == null ? null : cookie.getValue(), acceptable);
        requestLocale.set(Locale.forLanguageTag(chosen));
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, chosen);
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        Object switched = request.getProperty(SWITCHED);
        if (switched != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookies.create(COOKIE, switched.toString(), ONE_YEAR));
        }
    }

    /** The request's Accept-Language ranges, most preferred first; none when the header is malformed. */
    private static List<String> acceptable(ContainerRequestContext request) {
        try {
            return request.getAcceptableLanguages().stream().map(Locale::toLanguageTag).toList();
        } catch (RuntimeException malformedHeader) {
            // A malformed Accept-Language header is the client's problem: fall back to English.
            return List.of();
        }
    }
}
