package io.connectcheckout.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The language switch's links ({@code {inject:languages.href('nb')}} in the layout): the page
 * itself with {@code lang} set and every other query parameter kept as sent, so switching language
 * keeps what the address carries (the login page's authorize request, a signed link's signature;
 * issue 14 item 8: "Norsk" on the stand-in's login page dropped them and answered 400). Relative
 * ({@code ?…}), never built from the Host header.
 */
@Named("languages")
@RequestScoped
public class LanguageLinks {

    private final HttpServerRequest request;

    public LanguageLinks(HttpServerRequest request) {
        this.request = request;
    }

    /** {@code ?<the current query without lang>&lang=<language>}. */
    public String href(String language) {
        String query = request.query();
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.equals("lang") && !pair.startsWith("lang="))
                .collect(Collectors.joining("&"));
        return "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=" + language;
    }
}
