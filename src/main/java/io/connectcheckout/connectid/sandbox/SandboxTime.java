package io.connectcheckout.connectid.sandbox;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The ConnectID stand-in's own {@link java.time.Clock} ({@link SandboxClock}), kept apart from the
 * product's so that neither depends on the other's bean when they share a process.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface SandboxTime {
}
