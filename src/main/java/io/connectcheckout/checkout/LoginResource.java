package io.connectcheckout.checkout;

import io.connectcheckout.publisher.Brand;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Logging in with ConnectID in the middle of a checkout (OAuth 2.0 code flow with PKCE, see
 * {@link CheckoutLogin}) and out again. Both give the session a new id (session fixation).
 */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    /** Longest authorization code accepted from the redirect. */
    private static final int MAX_CODE_LENGTH = 512;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(Brand brand);
    }

    private final CheckoutLogin login;
    private final CurrentCheckout current;
    private final CheckoutPages pages;

    public LoginResource(CheckoutLogin login, CurrentCheckout current, CheckoutPages pages) {
        this.login = login;
        this.current = current;
        this.pages = pages;
    }

    @POST
    @Path("/login")
    public Response login() {
        CheckoutSession s = current.get();
        if (!s.step().editable()) {
            return pages.redirectTo(s);
        }
        return Response.seeOther(login.beginLogin(s.id())).build();
    }

    /**
     * The login server's redirect back: {@code code} and {@code state}, or {@code error} (RFC 6749
     * §4.1.2). Each login begun has its own state, used once; a state used before by this checkout
     * (Back) shows the checkout as it is, a state of another checkout is refused with a page.
     */
    @GET
    @Path("/auth/callback")
    public Response loginCallback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error) {
        CheckoutSession s = current.get();
        if (error != null || code == null || code.length() > MAX_CODE_LENGTH) {
            return CheckoutPages.seeOther("/checkout/details");
        }
        LoginCallback outcome = login.completeLogin(s.id(), state, code);
        if (outcome instanceof LoginCallback.LoggedIn loggedIn) {
            return Response.seeOther(URI.create("/checkout/details")).cookie(current.cookie(loggedIn.newCookie()))
                    .build();
        }
        if (outcome instanceof LoginCallback.AsItIs) {
            // Where the login itself led (the details), or the page of the step the checkout moved on to.
            return s.step().editable() ? CheckoutPages.seeOther("/checkout/details") : pages.redirectTo(s);
        }
        return pages.page(Templates.refused(Brand.of(s.publisher())), 403);
    }

    @POST
    @Path("/logout")
    public Response logout() {
        CheckoutSession s = current.get();
        String token = login.logout(s.id());
        return Response.seeOther(URI.create("/checkout/details")).cookie(current.cookie(token)).build();
    }
}
