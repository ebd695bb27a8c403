package io.connectcheckout.web;

import io.connectcheckout.common.RequestLocale;
import io.connectcheckout.publisher.Brand;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * The translated page that answers a refused form post (a cross-site post, a body that is not a
 * form, a missing or foreign token): what happened, that nothing changed, and a link back to a
 * page whose form carries a fresh token — the page the form came from when the browser said so
 * ({@code Referer} on our own origin), else the page at the form's own address, else the checkout.
 */
@RequestScoped
public class FormRefusals {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(Brand brand, int status, String back);
    }

    private final RequestLocale locale;
    private final String ownOrigin;

    public FormRefusals(RequestLocale locale, CheckoutConfig config) {
        this.locale = locale;
        this.ownOrigin = PageFormPosts.origin(config.publicUrl());
    }

    /** The page for a refused post to {@code resource}, with {@code status} (400 or 403). */
    public Response page(int status, RoutingContext http, ResourceInfo resource) {
        String html = Templates.refused(Brand.DEFAULT, status, back(http, resource)).setLocale(locale.get()).render();
        return Response.status(status).type("text/html;charset=UTF-8").entity(html).build();
    }

    private String back(RoutingContext http, ResourceInfo resource) {
        String referer = http.request().getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                String path = uri.getRawPath();
                if (uri.isAbsolute() && PageFormPosts.origin(referer).equals(ownOrigin) && path != null
                        && path.startsWith("/") && !path.startsWith("//")) {
                    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
                }
            } catch (RuntimeException notAUrl) {
                // fall through to the form's own address
            }
        }
        String path = http.normalizedPath();
        if (hasPageAtSameAddress(resource)) {
            return path;
        }
        return path.startsWith("/checkout/") ? "/checkout/review" : "/";
    }

    /** Whether the resource shows a page (GET) at the address the form posted to. */
    private static boolean hasPageAtSameAddress(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        String posted = pathOf(resource.getResourceMethod());
        return Arrays.stream(resource.getResourceClass().getMethods())
                .anyMatch(m -> m.isAnnotationPresent(GET.class) && Objects.equals(pathOf(m), posted));
    }

    private static String pathOf(Method method) {
        Path path = method.getAnnotation(Path.class);
        return path == null ? null : path.value();
    }
}
