package io.connectcheckout.checkout;

import io.connectcheckout.connectid.client.ConnectIdRejectedException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Logging in with ConnectID in the middle of a checkout (OAuth 2.0 code flow with PKCE, see
 * {@link CheckoutLogin}) and out again. Both give the session a new id (session fixation).
 */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    private static final Logger LOG = Logger.getLogger(LoginResource.class);
    /** Longest authorization code accepted from the redirect. */
    private static final int MAX_CODE_LENGTH = 512;

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

    /** The login server's redirect back: {@code code} and {@code state}, or {@code error} (RFC 6749 §4.1.2). */
    @GET
    @Path("/auth/callback")
    public Response loginCallback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error) {
        CheckoutSession s = current.get();
        if (error != null || code == null || code.length() > MAX_CODE_LENGTH) {
            return CheckoutPages.seeOther("/checkout/details");
        }
        Optional<String> newToken;
        try {
            newToken = login.completeLogin(s.id(), state, code);
        } catch (ConnectIdRejectedException rejected) {
            LOG.infof("Login of checkout %s refused by ConnectID: %s", s.reference(), rejected.type());
            newToken = Optional.empty();
        }
        if (newToken.isEmpty()) {
            throw new WebApplicationException(Response.Status.FORBIDDEN);
        }
        return Response.seeOther(URI.create("/checkout/details")).cookie(current.cookie(newToken.get())).build();
    }

    @POST
    @Path("/logout")
    public Response logout() {
        CheckoutSession s = current.get();
        String token = login.logout(s.id());
        return Response.seeOther(URI.create("/checkout/details")).cookie(current.cookie(token)).build();
    }
}
