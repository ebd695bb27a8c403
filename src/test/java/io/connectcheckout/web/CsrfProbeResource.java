package io.connectcheckout.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only endpoints standing in for a page form and a JSON API, to prove the CSRF configuration. */
@Path("/test-only/csrf")
public class CsrfProbeResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String token(@jakarta.ws.rs.core.Context io.vertx.ext.web.RoutingContext rc) {
        return String.valueOf(rc.<Object>get("csrf_token"));
    }

    @POST
    @Path("form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public String form(@FormParam("value") String value) {
        return "accepted " + value;
    }

    @POST
    @Path("json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public String json(String body) {
        return "accepted json";
    }
}
