package io.connectcheckout.connectid.sandbox.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.connectid.sandbox.ConnectIdSandboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.nio.file.Path;

/** Picks the SMS sender by {@code sandbox.connectid.sms.sender}: {@code file} (default) or {@code http}. */
@ApplicationScoped
public class SmsSenderProducer {

    @Produces
    @ApplicationScoped
    SmsSender smsSender(ConnectIdSandboxConfig config, ObjectMapper mapper) {
        ConnectIdSandboxConfig.Sms sms = config.sms();
        return switch (sms.sender()) {
            case "file" -> new FileSmsSender(Path.of(sms.file()));
            case "http" -> new HttpSmsSender(URI.create(sms.gatewayUrl().orElseThrow(
                    () -> new IllegalStateException("sandbox.connectid.sms.gateway-url is required for the http sender"))),
                    sms.gatewayToken(), mapper);
            default -> throw new IllegalStateException("sandbox.connectid.sms.sender must be file or http, not " + sms.sender());
        };
    }
}
