package io.connectcheckout.common;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Locale;

/**
 * The language of the current request, resolved once by {@link LocaleFilter}: an explicit
 * {@code ?lang=} switch, then the language cookie, then {@code Accept-Language}, then English.
 * The same for the checkout's pages and the sandboxes' pages.
 */
@RequestScoped
public class RequestLocale {

    /** Languages with a complete message bundle. */
    public static final List<String> SUPPORTED = List.of("en", "nb");

    private Locale locale = Locale.ENGLISH;

    public Locale get() {
        return locale;
    }

    void set(Locale locale) {
        this.locale = locale;
    }

    public boolean norwegian() {
        return "nb".equals(locale.getLanguage());
    }

    /**
     * Maps a language tag to a supported language, or null. Norwegian in any written form
     * ({@code no}, {@code nb}, {@code nn}, with or without region) reads as bokmål.
     */
    public static String supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        if (language.equals("no") || language.equals("nn")) {
            language = "nb";
        }
        return SUPPORTED.contains(language) ? language : null;
    }
}
