package io.connectcheckout.payment.sandbox.hostedpage;

import io.connectcheckout.payment.sandbox.merchants.PspMerchant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * A merchant's colours for the hosted pages ({@code /psp/brand/{merchant}.css}; issue 14 item 10),
 * served because the Content-Security-Policy allows no inline style. Only colours already checked
 * as {@code #rrggbb} reach it; a merchant without colours, or an unknown one, is a 404.
 */
@Path("/psp/brand")
public class PspMerchantStylesheet {

    static final String PATH = "/psp/brand/";

    @GET
    @Path("/{slug}.css")
    @Produces("text/css")
    public Response stylesheet(@PathParam("slug") String slug) {
        if (slug.length() > 64) {
            throw new NotFoundException();
        }
        PspMerchant merchant = PspMerchant.<PspMerchant>find("slug", slug).firstResultOptional()
                .orElseThrow(NotFoundException::new);
        String css = colours(merchant);
        if (css.isEmpty()) {
            throw new NotFoundException();
        }
        return Response.ok(css).header("Cache-Control", "public, max-age=300").build();
    }

    /** The CSS variables of the merchant's colours; empty when it has none. */
    static String colours(PspMerchant merchant) {
        if (!PspMerchant.isColor(merchant.brandColor)) {
            return "";
        }
        String text = PspMerchant.isColor(merchant.brandTextColor) ? merchant.brandTextColor : "#ffffff";
        return ":root { --brand: " + merchant.brandColor + "; --brand-text: " + text + "; }\n";
    }
}
