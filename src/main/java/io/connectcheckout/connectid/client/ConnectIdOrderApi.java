package io.connectcheckout.connectid.client;

import io.connectcheckout.connectid.api.AssignUserRequest;
import io.connectcheckout.connectid.api.AssignUserResponse;
import io.connectcheckout.connectid.api.CompleteOrderRequest;
import io.connectcheckout.connectid.api.CompleteOrderResponse;
import io.connectcheckout.connectid.api.CouponList;
import io.connectcheckout.connectid.api.CouponPriceRequest;
import io.connectcheckout.connectid.api.CouponPriceResponse;
import io.connectcheckout.connectid.api.CustomerInfo;
import io.connectcheckout.connectid.api.CustomerProfile;
import io.connectcheckout.connectid.api.OrderIdResponse;
import io.connectcheckout.connectid.api.OrderStatusList;
import io.connectcheckout.connectid.api.RegisterOrderRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ConnectID's Order API ({@code .../capi}). Only {@link ConnectIdCalls} uses it. */
@RegisterRestClient(configKey = "connectid-api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ConnectIdOrderApi {

    @POST
    @Path("/v1/order")
    OrderIdResponse registerOrder(@HeaderParam("Authorization") String bearer, RegisterOrderRequest order);

    @POST
    @Path("/v1/client/order")
    OrderIdResponse registerOrderClientMode(@HeaderParam("Authorization") String bearer, RegisterOrderRequest order);

    @POST
    @Path("/v1/client/order/fulfillment")
    CompleteOrderResponse completeOrder(@HeaderParam("Authorization") String bearer, CompleteOrderRequest request);

    @POST
    @Path("/v1/client/order/{orderId}/user")
    AssignUserResponse assignUser(@HeaderParam("Authorization") String bearer, @PathParam("orderId") long orderId,
            @HeaderParam("Accept-Language") String language, AssignUserRequest request);

    @GET
    @Path("/v1/client/order/status/{orderId}")
    OrderStatusList orderStatus(@HeaderParam("Authorization") String bearer, @PathParam("orderId") long orderId);

    @GET
    @Path("/v1/client/coupon/{productCode}")
    CouponList coupons(@HeaderParam("Authorization") String bearer, @PathParam("productCode") String productCode);

    @POST
    @Path("/v1/client/coupon/price")
    CouponPriceResponse couponPrice(@HeaderParam("Authorization") String bearer, CouponPriceRequest request);

    @GET
    @Path("/v1/customer/profile")
    CustomerProfile profile(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/v1/customer/info")
    CustomerInfo customerInfo(@HeaderParam("Authorization") String bearer);
}
