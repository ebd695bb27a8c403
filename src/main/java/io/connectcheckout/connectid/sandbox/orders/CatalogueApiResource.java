package io.connectcheckout.connectid.sandbox.orders;

import io.connectcheckout.connectid.api.CouponList;
import io.connectcheckout.connectid.api.CouponPriceRequest;
import io.connectcheckout.connectid.api.CouponPriceResponse;
import io.connectcheckout.connectid.api.ProductList;
import io.connectcheckout.connectid.sandbox.ApiAuth;
import io.connectcheckout.connectid.sandbox.JsonBodies;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Coupons, coupon prices and products (client mode). */
@Path("/capi/v1")
@Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML})
@Tag(name = "ConnectID sandbox: catalogue")
@SecurityRequirement(name = "bearer")
public class CatalogueApiResource {

    private final ApiAuth auth;
    private final JsonBodies json;
    private final CatalogueService catalogue;

    public CatalogueApiResource(ApiAuth auth, JsonBodies json, CatalogueService catalogue) {
        this.auth = auth;
        this.json = json;
        this.catalogue = catalogue;
    }

    @GET
    @Path("/client/coupon/{productCode}")
    @Operation(summary = "List coupons for a product – client mode")
    public CouponList coupons(@Context HttpHeaders headers, @PathParam("productCode") String productCode,
            @QueryParam("marketing") boolean marketing) {
        auth.client(headers);
        return catalogue.coupons(productCode, marketing);
    }

    @POST
    @Path("/client/coupon/price")
    @Operation(summary = "Check coupon price – client mode")
    public CouponPriceResponse price(@Context HttpHeaders headers,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CouponPriceRequest.class))) byte[] body) {
        auth.client(headers);
        return catalogue.price(json.parse(body, CouponPriceRequest.class));
    }

    @GET
    @Path("/client/product")
    @Operation(summary = "List products – client mode")
    public ProductList products(@Context HttpHeaders headers, @QueryParam("productId") String productId) {
        auth.client(headers);
        return catalogue.products(productId);
    }
}
