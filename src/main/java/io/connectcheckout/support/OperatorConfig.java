package io.connectcheckout.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.util.Optional;

/** The operator who may open the support view (prefix {@code operator}). Without a password hash it is off. */
@ConfigMapping(prefix = "operator")
public interface OperatorConfig {

    /** The operator's user name. */
    @WithName("username")
    Optional<String> username();

    /** bcrypt hash of the operator's password ({@link HashPassword} prints one). */
    @WithName("password-hash")
    Optional<String> passwordHash();
}
