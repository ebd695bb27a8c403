package io.connectcheckout.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses a page request whose query or form values are not UTF-8 (400 with the translated
 * {@link FormRefusals} page, nothing changed), as broken percent-encoding ({@code %zz}) already is.
 *
 * <p>Quarkus REST decodes query and form values as UTF-8 (RFC 3986 §2.5, the HTML form
 * encoding of WHATWG URL §5.1) and, where the bytes are not UTF-8 — truncated ({@code %C3}),
 * invalid ({@code %C3%28}, {@code %FF}), overlong ({@code %C0%AF}) or a surrogate
 * ({@code %ED%A0%80}) — substitutes U+FFFD REPLACEMENT CHARACTER instead of failing, so the
 * damaged value would be saved. A decoded U+FFFD is therefore the mark of bytes that could not be
 * read; nobody types one into a form. Checked after the framework has read the form
 * ({@link WithFormRead}) and before any resource method runs.
 */
public class UndecodableValues {

    private static final Logger LOG = Logger.getLogger(UndecodableValues.class);
    private static final char REPLACEMENT = '\uFFFD';

    private final FormRefusals refusals;

    public UndecodableValues(FormRefusals refusals) {
        this.refusals = refusals;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 500)
    @WithFormRead
    public Optional<Response> refuseValuesThatAreNotUtf8(ResteasyReactiveContainerRequestContext request,
            ResourceInfo resource, RoutingContext http) {
        if (!PageFormPosts.answersHtml(resource)) {
            return Optional.empty();
        }
        boolean query = request.getUriInfo().getQueryParameters().entrySet().stream()
                .anyMatch(e -> undecodable(e.getKey()) || e.getValue().stream().anyMatch(UndecodableValues::undecodable));
        if (query || formHasUndecodable(((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData())) {
            LOG.debugf("Refused a request to %s whose %s is not UTF-8", http.normalizedPath(), query ? "query" : "form");
            return Optional.of(refusals.page(400, http, resource));
        }
        return Optional.empty();
    }

    private static boolean formHasUndecodable(FormData form) {
        if (form == null) {
            return false;
        }
        for (String name : form) {
            if (undecodable(name)) {
                return true;
            }
            for (FormValue value : form.get(name)) {
                if (!value.isFileItem() && undecodable(value.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean undecodable(String value) {
        return value != null && value.indexOf(REPLACEMENT) >= 0;
    }
}
