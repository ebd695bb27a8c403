package io.connectcheckout.connectid.sandbox.users;

import io.connectcheckout.connectid.api.AssignUserRequest;
import io.connectcheckout.connectid.api.AssignUserResponse;
import io.connectcheckout.connectid.api.CheckCredentialRequest;
import io.connectcheckout.connectid.api.CheckCredentialResponse;
import io.connectcheckout.connectid.api.CustomerInfo;
import io.connectcheckout.connectid.api.CustomerProfile;
import io.connectcheckout.connectid.sandbox.ApiAuth;
import io.connectcheckout.connectid.sandbox.ApiException;
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

/** Users and customers: check credential, assign user, customer info (client mode); profile and info (user mode). */
@Path("/capi/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ConnectID sandbox: users")
@SecurityRequirement(name = "bearer")
public class UserApiResource {

    private final ApiAuth auth;
    private final JsonBodies json;
    private final UserService users;
    private final CustomerService customers;

    private final io.connectcheckout.common.RequestLocale locale;

    public UserApiResource(ApiAuth auth, JsonBodies json, UserService users, CustomerService customers,
            io.connectcheckout.common.RequestLocale locale) {
        this.locale = locale;
        this.auth = auth;
        this.json = json;
        this.users = users;
        this.customers = customers;
    }

    @POST
    @Path("/client/credential")
    @Operation(summary = "Check credential – client mode (the sandbox's own contract)")
    public CheckCredentialResponse checkCredential(@Context HttpHeaders headers,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CheckCredentialRequest.class))) byte[] body) {
        auth.client(headers);
        return users.check(json.parse(body, CheckCredentialRequest.class).credential());
    }

    @POST
    @Path("/client/order/{orderId}/user")
    @Operation(summary = "Assign user – client mode")
    public AssignUserResponse assign(@Context HttpHeaders headers, @PathParam("orderId") String orderId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssignUserRequest.class))) byte[] body) {
        Caller caller = auth.client(headers);
        long id;
        try {
            id = Long.parseLong(orderId);
        } catch (NumberFormatException e) {
            throw ApiException.validation("orderId must be a positive integer");
        }
        // Only a language the client asked for: without the header, the configured language.
        return users.assign(caller, id, json.parse(body, AssignUserRequest.class), locale.asked());
    }

    @GET
    @Path("/customer/profile")
    @Operation(summary = "The logged-in user's profile (user mode; the OAuth user-info endpoint)")
    public CustomerProfile profile(@Context HttpHeaders headers) {
        return customers.profile(auth.user(headers));
    }

    @GET
    @Path("/customer/info")
    @Operation(summary = "The logged-in user's customer data (user mode)")
    public CustomerInfo info(@Context HttpHeaders headers) {
        return customers.info(auth.user(headers));
    }

    @GET
    @Path("/client/customer/info/{customerNumber}")
    @Operation(summary = "List customer info – client mode (customers the client registered an order for)")
    public CustomerInfo clientInfo(@Context HttpHeaders headers, @PathParam("customerNumber") String customerNumber) {
        return customers.info(auth.client(headers), customerNumber);
    }
}
