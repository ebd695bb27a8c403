package io.connectcheckout.connectid.api;

/** Check credential – client mode (our choice): {@code POST /capi/v1/client/credential}. */
public record CheckCredentialRequest(String credential) {
}
