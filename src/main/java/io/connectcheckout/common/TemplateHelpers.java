package io.connectcheckout.common;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateGlobal;
import java.util.Locale;

/** Display helpers available in every template. */
public final class TemplateHelpers {

    private TemplateHelpers() {
    }

    /** The current request's language tag ({@code en} or {@code nb}), for {@code <html lang>}. */
    @TemplateGlobal
    public static String lang() {
        return currentLocale().getLanguage();
    }

    /** {@code {price.display}}: the amount formatted for the current request's language. */
    @TemplateExtension
    static String display(Money money) {
        return money.format(currentLocale());
    }

    static Locale currentLocale() {
        InjectableContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            return Arc.container().instance(RequestLocale.class).get().get();
        }
        return Locale.ENGLISH;
    }
}
