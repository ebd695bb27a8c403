package io.connectcheckout.checkout;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a form that acts on the checkout its signed link names, not on the checkout of the
 * browser's cookie: the withdrawal function, opened from the receipt or the confirmation e-mail
 * in any browser. Its authority is the link's signature (checked by the resource); the CSRF pair
 * and {@link io.connectcheckout.web.PageFormPosts}' origin check still apply, only
 * {@link CheckoutFormGuard}'s cookie-checkout token does not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ActsBySignedLink {
}
