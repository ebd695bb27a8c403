package io.connectcheckout.connectid.sandbox.orders;

import io.connectcheckout.connectid.api.CompleteOrderRequest;
import io.connectcheckout.connectid.api.CompleteOrderResponse;
import io.connectcheckout.connectid.api.OrderIdResponse;
import io.connectcheckout.connectid.api.OrderStatusList;
import io.connectcheckout.connectid.api.RegisterOrderRequest;
import io.connectcheckout.connectid.api.SearchOrderRequest;
import io.connectcheckout.connectid.sandbox.ApiAuth;
import io.connectcheckout.connectid.sandbox.JsonBodies;
import io.connectcheckout.connectid.sandbox.oauth.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The order endpoints of the ConnectID Order API (sandbox). Bodies are parsed by {@link JsonBodies}
 * so that every bad input gets the contract's 400 body.
 */
@Path("/capi/v1")
@Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML})
@Tag(name = "ConnectID sandbox: orders")
@SecurityRequirement(name = "bearer")
public class OrderApiResource {

    private final ApiAuth auth;
    private final JsonBodies json;
    private final OrderService orders;
    private final OrderQueries queries;

    public OrderApiResource(ApiAuth auth, JsonBodies json, OrderService orders, OrderQueries queries) {
        this.auth = auth;
        this.json = json;
        this.orders = orders;
        this.queries = queries;
    }

    @POST
    @Path("/order")
    @Operation(summary = "Register order (user mode)")
    public OrderIdResponse registerUser(@Context HttpHeaders headers,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegisterOrderRequest.class))) byte[] body) {
        Caller caller = auth.user(headers);
        return new OrderIdResponse(orders.register(caller, json.parse(body, RegisterOrderRequest.class)));
    }

    @POST
    @Path("/client/order")
    @Operation(summary = "Register order – client mode")
    public OrderIdResponse registerClient(@Context HttpHeaders headers,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegisterOrderRequest.class))) byte[] body) {
        Caller caller = auth.client(headers);
        return new OrderIdResponse(orders.register(caller, json.parse(body, RegisterOrderRequest.class)));
    }

    @POST
    @Path("/client/order/fulfillment")
    @Operation(summary = "Complete order – client mode (fulfillment API)")
    public CompleteOrderResponse complete(@Context HttpHeaders headers,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CompleteOrderRequest.class))) byte[] body) {
        Caller caller = auth.client(headers);
        CompleteOrderRequest request = json.parse(body, CompleteOrderRequest.class);
        try {
            return orders.complete(caller, request);
        } catch (RuntimeException e) {
            if (!lostARace(e)) {
                throw e;
            }
            // Two completions of one order at the same moment: the other one won; answer as to a repeat.
            return orders.complete(caller, request);
        }
    }

    /** True when the failure is an optimistic-lock conflict with a concurrent change of the same order. */
    private static boolean lostARace(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    @GET
    @Path("/client/order/status/{orderId}")
    @Operation(summary = "List order status – client mode")
    public OrderStatusList clientStatus(@Context HttpHeaders headers, @PathParam("orderId") String orderId) {
        Caller caller = auth.client(headers);
        return queries.clientStatus(caller, orderId);
    }

    @GET
    @Path("/order/status")
    @Operation(summary = "List orders (user mode)")
    public OrderStatusList userOrders(@Context HttpHeaders headers) {
        return queries.userOrders(auth.user(headers));
    }

    @POST
    @Path("/order/status")
    @Operation(summary = "Search order details (user mode)")
    public OrderStatusList search(@Context HttpHeaders headers,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SearchOrderRequest.class))) byte[] body) {
        Caller caller = auth.user(headers);
        return queries.search(caller, json.parse(body, SearchOrderRequest.class));
    }
}
