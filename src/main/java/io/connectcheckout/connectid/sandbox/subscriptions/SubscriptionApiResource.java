package io.connectcheckout.connectid.sandbox.subscriptions;

import io.connectcheckout.connectid.api.AccessRequest;
import io.connectcheckout.connectid.api.AccessResponse;
import io.connectcheckout.connectid.api.CustomerProductList;
import io.connectcheckout.connectid.api.SubscriptionList;
import io.connectcheckout.connectid.sandbox.ApiAuth;
import io.connectcheckout.connectid.sandbox.JsonBodies;
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

/** Subscriptions, customer products and check access (connectid-api-notes.md §2.15). */
@Path("/capi/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ConnectID sandbox: subscriptions")
@SecurityRequirement(name = "bearer")
public class SubscriptionApiResource {

    private final ApiAuth auth;
    private final JsonBodies json;
    private final SubscriptionService subscriptions;
    private final AccessService access;

    public SubscriptionApiResource(ApiAuth auth, JsonBodies json, SubscriptionService subscriptions,
            AccessService access) {
        this.auth = auth;
        this.json = json;
        this.subscriptions = subscriptions;
        this.access = access;
    }

    @GET
    @Path("/subscription")
    @Operation(summary = "List the logged-in user's subscriptions (user mode)")
    public SubscriptionList mine(@Context HttpHeaders headers) {
        return subscriptions.ofUser(auth.user(headers));
    }

    @GET
    @Path("/client/subscription/{customerNumber}")
    @Operation(summary = "List a customer's subscriptions – client mode (customers the client registered an order for)")
    public SubscriptionList ofCustomer(@Context HttpHeaders headers,
            @PathParam("customerNumber") String customerNumber) {
        return subscriptions.ofCustomer(auth.client(headers), customerNumber);
    }

    @GET
    @Path("/customer/product")
    @Operation(summary = "List the products the logged-in user has access to (user mode)")
    public CustomerProductList products(@Context HttpHeaders headers) {
        return subscriptions.products(auth.user(headers));
    }

    @POST
    @Path("/customer/access")
    @Operation(summary = "Check access (user mode)")
    public AccessResponse check(@Context HttpHeaders headers,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AccessRequest.class))) byte[] body) {
        var caller = auth.user(headers);
        return access.check(caller, json.parse(body, AccessRequest.class));
    }
}
