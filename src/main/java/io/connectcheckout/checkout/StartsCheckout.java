package io.connectcheckout.checkout;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one checkout form that acts on no existing checkout: starting a new one from an offer
 * page. {@link CheckoutFormGuard} checks every other form post under {@code /checkout/}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StartsCheckout {
}
