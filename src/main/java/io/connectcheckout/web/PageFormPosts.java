package io.connectcheckout.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The rules for every form a page posts — any state-changing request to a resource method that
 * answers HTML, the checkout's and the stand-ins' alike. Such requests are authenticated by
 * cookies, so:
 * <ul>
 * <li>a cross-site post is refused (403): {@code Sec-Fetch-Site} {@code cross-site} or
 * {@code same-site} (a sibling subdomain), or an {@code Origin} that is not ours (the checkout's
 * pages: {@code checkout.public-url}; the stand-ins' pages: theirs too). Requests without these
 * headers (old browsers, curl) pass on to the token checks;</li>
 * <li>the body must be a form (400 otherwise), so the Quarkus REST CSRF filter, which skips other
 * bodies, always checks the token pair (no body, {@code text/plain} and JSON posts carry none);</li>
 * <li>a post refused without a page (the CSRF filter answers a bare 400) gets the translated
 * {@link FormRefusals} page with a way back.</li>
 * </ul>
 * The JSON APIs (bearer keys, signed callbacks) answer JSON and are not touched.
 */
public class PageFormPosts {

    private static final Logger LOG = Logger.getLogger(PageFormPosts.class);
    private static final String PAGE_FORM_POST = PageFormPosts.class.getName();
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final FormRefusals refusals;
    private final String checkoutOrigin;
    private final Set<String> ownOrigins;

    public PageFormPosts(FormRefusals refusals, CheckoutConfig config,
            @ConfigProperty(name = "sandbox.psp.public-url") Optional<String> pspUrl,
            @ConfigProperty(name = "sandbox.connectid.public-url") Optional<String> connectIdUrl) {
        this.refusals = refusals;
        this.checkoutOrigin = origin(config.publicUrl());
        this.ownOrigins = Stream.of(Optional.of(config.publicUrl()), pspUrl, connectIdUrl)
                .flatMap(Optional::stream).map(PageFormPosts::origin).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this request is a page's form post (set by {@link #refuseCrossSiteAndOtherBodies}). */
    public static boolean isPageFormPost(ContainerRequestContext request) {
        return Boolean.TRUE.equals(request.getProperty(PAGE_FORM_POST));
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> refuseCrossSiteAndOtherBodies(ContainerRequestContext request, ResourceInfo resource,
            RoutingContext http) {
        if (SAFE.contains(request.getMethod()) || !answersHtml(resource)) {
            return Optional.empty();
        }
        request.setProperty(PAGE_FORM_POST, Boolean.TRUE);
        String path = http.normalizedPath();
        String site = request.getHeaderString("Sec-Fetch-Site");
        String origin = request.getHeaderString("Origin");
        boolean checkoutPage = path.startsWith("/checkout/");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            LOG.infof("Refused a %s form post to %s (Sec-Fetch-Site)", site, path);
            return Optional.of(refusals.page(403, http, resource));
        }
        if (origin != null && !(checkoutPage ? checkoutOrigin.equals(origin) : ownOrigins.contains(origin))) {
            LOG.infof("Refused a form post to %s from another origin", path);
            return Optional.of(refusals.page(403, http, resource));
        }
        if (!isForm(request.getMediaType())) {
            LOG.debugf("Refused a post to %s that is not a form", path);
            return Optional.of(refusals.page(400, http, resource));
        }
        return Optional.empty();
    }

    /** The CSRF filter's bare 400 (or any other bare refusal of a page's form) gets the page. */
    @ServerResponseFilter
    public void explainBareRefusals(ContainerRequestContext request, ContainerResponseContext response,
            ResourceInfo resource, RoutingContext http) {
        int status = response.getStatus();
        if (isPageFormPost(request) && (status == 400 || status == 403) && !response.hasEntity()) {
            Response page = refusals.page(status, http, resource);
            response.setEntity(page.getEntity(), null, page.getMediaType());
        }
    }

    /** Whether the matched resource method answers HTML (a page, not a JSON API). */
    static boolean answersHtml(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        Produces produces = resource.getResourceMethod().getAnnotation(Produces.class);
        if (produces == null) {
            produces = resource.getResourceClass().getAnnotation(Produces.class);
        }
        return produces != null && Arrays.stream(produces.value())
                .anyMatch(type -> type.toLowerCase(Locale.ROOT).startsWith(MediaType.TEXT_HTML));
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) && !type.isWildcardType()
                && !type.isWildcardSubtype();
    }

    /** {@code scheme://host[:port]} as a browser sends it in {@code Origin} (no default port). */
    static String origin(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
