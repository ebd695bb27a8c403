package io.connectcheckout.connectid.client;

import io.connectcheckout.connectid.api.TokenResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ConnectID's OAuth 2.0 token endpoint ({@code .../user/oauth/token}). Only {@link ConnectIdCalls} uses it. */
@RegisterRestClient(configKey = "connectid-login")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
interface ConnectIdLoginApi {

    @POST
    @Path("/oauth/token")
    TokenResponse clientCredentials(@HeaderParam("Authorization") String basic,
            @FormParam("grant_type") String grantType);

    @POST
    @Path("/oauth/token")
    TokenResponse authorizationCode(@HeaderParam("Authorization") String basic,
            @FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri, @FormParam("code_verifier") String codeVerifier);

    @POST
    @Path("/oauth/token")
    TokenResponse refreshToken(@HeaderParam("Authorization") String basic,
            @FormParam("grant_type") String grantType, @FormParam("refresh_token") String refreshToken);
}
