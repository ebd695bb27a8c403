package io.connectcheckout.connectid.sandbox.fulfillment;

import io.connectcheckout.common.Cookies;
import io.connectcheckout.common.PageBrand;
import io.connectcheckout.connectid.sandbox.Secrets;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.regex.Pattern;

/**
 * The fulfillment URL ({@code GET /user/fulfillment?orderId&returnUrl[&clientId][&errorUrl]},
 * connectid-api-notes.md §3) and the sandbox's own return endpoint from the payment provider.
 * Invalid requests get an error page, never a redirect. The browser that opens a fulfillment gets
 * a random value in the {@value #BROWSER_COOKIE} cookie (kept for later fulfillments of the same
 * browser); the fulfillment is bound to it (see {@link FulfillmentBrowser}).
 */
@Path("/user/fulfillment")
public class FulfillmentResource {

    static final String BROWSER_COOKIE = "cid_fulfillment";
    private static final Pattern TOKEN = Pattern.compile("^[0-9a-f]{64}$");
    /** A year: the cookie only names the browser; each fulfillment ends on its own. */
    private static final int COOKIE_AGE_SECONDS = 365 * 24 * 3600;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invalid(PageBrand brand);
    }

    private final FulfillmentService fulfillment;
    private final Cookies cookies;
    private final HttpHeaders headers;

    public FulfillmentResource(FulfillmentService fulfillment, Cookies cookies, HttpHeaders headers) {
        this.fulfillment = fulfillment;
        this.cookies = cookies;
        this.headers = headers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response start(@QueryParam("clientId") String clientId, @QueryParam("orderId") String orderId,
            @QueryParam("returnUrl") String returnUrl, @QueryParam("errorUrl") String errorUrl) {
        String browser = browserToken();
        boolean fresh = browser == null;
        if (fresh) {
            browser = Secrets.randomHex(32);
        }
        Response response = respond(fulfillment.start(clientId, orderId, returnUrl, errorUrl, browser));
        if (!fresh) {
            return response;
        }
        return Response.fromResponse(response).cookie(cookies.create(BROWSER_COOKIE, browser, COOKIE_AGE_SECONDS))
                .build();
    }

    @GET
    @Path("/return")
    @Produces(MediaType.TEXT_HTML)
    public Response back(@QueryParam("orderId") String orderId) {
        return respond(fulfillment.back(orderId, browserToken()));
    }

    /** The browser's fulfillment cookie when it is one this server could have set; else null. */
    private String browserToken() {
        Cookie cookie = headers.getCookies().get(cookies.name(BROWSER_COOKIE));
        return cookie != null && TOKEN.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
    }

    static Response respond(FulfillmentService.Next next) {
        if (next instanceof FulfillmentService.ToPayment toPayment) {
            return Response.seeOther(toPayment.redirectUrl()).build();
        }
        if (next instanceof FulfillmentService.Back back) {
            return Response.seeOther(UriBuilder.fromUri(back.url())
                    .queryParam("fulfillmentStatus", back.fulfillmentStatus()).build()).build();
        }
        return Response.status(400).entity(Templates.invalid(PageBrand.NEUTRAL)).build();
    }
}
