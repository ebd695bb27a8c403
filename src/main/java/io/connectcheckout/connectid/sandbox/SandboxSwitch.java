package io.connectcheckout.connectid.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The global {@code sandbox.enabled} switch, for the parts outside JAX-RS (Vert.x routes, seeding, workers). */
@ApplicationScoped
public class SandboxSwitch {

    private final boolean enabled;

    public SandboxSwitch(@ConfigProperty(name = "sandbox.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }
}
