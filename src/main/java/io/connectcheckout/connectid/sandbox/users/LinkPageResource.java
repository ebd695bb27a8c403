package io.connectcheckout.connectid.sandbox.users;

import io.connectcheckout.common.Cookies;
import io.connectcheckout.common.PageBrand;
import io.connectcheckout.common.RequestLocale;
import io.connectcheckout.connectid.sandbox.CidMessages;
import io.connectcheckout.connectid.sandbox.CidTexts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages behind the links Assign user sends: set a password (new user) or log in (existing
 * user). Opening a link (GET) changes nothing, so mail scanners that prefetch links cannot use it
 * up; the button on the page (POST) consumes it, logs the browser in and goes on to returnUrl.
 */
@Path("/user/link/{token}")
public class LinkPageResource {

    static final String SESSION_COOKIE = "cid_login";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setPassword(PageBrand brand, String token, Map<String, String> errors);
        static native TemplateInstance login(PageBrand brand, String token, String credential);
        static native TemplateInstance invalid(PageBrand brand, String errorUrl);
    }

    private final LinkService links;
    private final Cookies cookies;
    private final RequestLocale locale;

    public LinkPageResource(LinkService links, Cookies cookies, RequestLocale locale) {
        this.links = links;
        this.cookies = cookies;
        this.locale = locale;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("token") String token) {
        Optional<LinkService.LinkView> link = links.view(token);
        if (link.isEmpty() || !link.get().usable()) {
            return invalid(link);
        }
        LinkService.LinkView view = link.get();
        PageBrand brand = brand(view.clientName());
        TemplateInstance page = OneTimeLink.SET_PASSWORD.equals(view.kind())
                ? Templates.setPassword(brand, token, Map.of())
                : Templates.login(brand, token, view.credential());
        return Response.ok(page).build();
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response use(@PathParam("token") String token, @FormParam("password") String password,
            @FormParam("passwordRepeat") String passwordRepeat) {
        Optional<LinkService.LinkView> link = links.view(token);
        if (link.isEmpty() || !link.get().usable()) {
            return invalid(link);
        }
        if (OneTimeLink.SET_PASSWORD.equals(link.get().kind())) {
            CidMessages texts = CidTexts.of(locale.get());
            Map<String, String> errors = new LinkedHashMap<>();
            if (password == null || password.length() < CidUser.MIN_PASSWORD_LENGTH || password.length() > 200) {
                errors.put("password", texts.link_password_too_short(CidUser.MIN_PASSWORD_LENGTH));
            } else if (!password.equals(passwordRepeat)) {
                errors.put("passwordRepeat", texts.link_password_mismatch());
            }
            if (!errors.isEmpty()) {
                return Response.status(400)
                        .entity(Templates.setPassword(brand(link.get().clientName()), token, errors)).build();
            }
        }
        Optional<LinkService.Consumed> consumed = links.consume(token, password);
        if (consumed.isEmpty()) {
            return invalid(link);
        }
        return Response.seeOther(URI.create(consumed.get().returnUrl()))
                .cookie(cookies.create(SESSION_COOKIE, consumed.get().sessionCookie(), -1)).build();
    }

    private Response invalid(Optional<LinkService.LinkView> link) {
        PageBrand brand = link.map(l -> brand(l.clientName())).orElse(PageBrand.NEUTRAL);
        String errorUrl = link.map(LinkService.LinkView::errorUrl).orElse(null);
        return Response.status(410).entity(Templates.invalid(brand, errorUrl)).build();
    }

    private static PageBrand brand(String clientName) {
        return new PageBrand(clientName);
    }
}
