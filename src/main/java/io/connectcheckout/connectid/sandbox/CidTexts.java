package io.connectcheckout.connectid.sandbox;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;

/** The sandbox's message bundle in a given language, for texts built in Java (form errors, subjects). */
public final class CidTexts {

    private CidTexts() {
    }

    public static CidMessages of(Locale locale) {
        return MessageBundles.get(CidMessages.class, Localized.Literal.of(locale.getLanguage()));
    }
}
