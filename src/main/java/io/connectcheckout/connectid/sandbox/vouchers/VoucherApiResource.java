package io.connectcheckout.connectid.sandbox.vouchers;

import io.connectcheckout.connectid.api.CouponList;
import io.connectcheckout.connectid.sandbox.ApiAuth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Voucher coupons (client mode). */
@Path("/capi/v1/client/voucher")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ConnectID sandbox: catalogue")
@SecurityRequirement(name = "bearer")
public class VoucherApiResource {

    private final ApiAuth auth;
    private final VoucherService vouchers;

    public VoucherApiResource(ApiAuth auth, VoucherService vouchers) {
        this.auth = auth;
        this.vouchers = vouchers;
    }

    @GET
    @Path("/coupons/{voucherCode}")
    @Operation(summary = "List voucher code coupons – client mode")
    public CouponList coupons(@Context HttpHeaders headers, @PathParam("voucherCode") String voucherCode) {
        auth.client(headers);
        return vouchers.coupons(voucherCode);
    }
}
