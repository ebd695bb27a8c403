package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** Check credential – client mode (our choice): {@code POST /capi/v1/client/credential}. */
public record CheckCredentialRequest(String credential) {
}
