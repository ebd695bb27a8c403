package io.connectcheckout.checkout;

import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;

/** The checkout's mail texts ({@link MailMessages}) in a given language, outside any request. */
final class MailTexts {

    private MailTexts() {
    }

    static MailMessages of(Locale locale) {
        return MessageBundles.get(MailMessages.class, io.quarkus.qute.i18n.Localized.Literal.of(locale.getLanguage()));
    }
}
