package io.connectcheckout.common;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The language of the current request, resolved once by {@link LocaleFilter}: an explicit
 * {@code ?lang=} switch, then the language cookie, then {@code Accept-Language}, then English.
 * The same for the checkout's pages and the sandboxes' pages.
 */
@RequestScoped
public class RequestLocale {

    /** The cookie that keeps an explicit choice (its wire name comes from {@link Cookies#name}). */
    public static final String COOKIE = "lang";

    /** Languages with a complete message bundle. */
    public static final List<String> SUPPORTED = List.of("en", "nb");

    private Locale locale = Locale.ENGLISH;
    private List<Locale> asked = List.of();

    public Locale get() {
        return locale;
    }

    /**
     * The languages the request's own {@code Accept-Language} header asked for, best first; empty
     * when it sent none (or a malformed one). {@link LocaleFilter} rewrites the header to the chosen
     * language for Qute, so an API that passes a client's language on (the stand-in's Assign user)
     * reads it here.
     */
    public List<Locale> asked() {
        return asked;
    }

    void asked(List<Locale> languages) {
        this.asked = List.copyOf(languages);
    }

    void set(Locale locale) {
        this.locale = locale;
    }

    /**
     * Makes {@link #choose} the language of this request, for answers given outside a resource
     * (a request refused by its envelope); {@link LocaleFilter} does it for all others.
     */
    public void use(String switchTo, String remembered, List<String> acceptable) {
        set(Locale.forLanguageTag(choose(switchTo, remembered, acceptable)));
    }

    /**
     * The one order in which a request's language is chosen, for every page and error page.
     *
     * @param switchTo the {@code ?lang=} parameter, or null
     * @param remembered the language cookie's value, or null
     * @param acceptable the {@code Accept-Language} ranges, most preferred first (RFC 9110 §12.5.4)
     * @return {@code en} or {@code nb}: the first of the three that names a supported language, else {@code en}
     */
    public static String choose(String switchTo, String remembered, List<String> acceptable) {
        String chosen = supported(switchTo);
        if (chosen == null) {
            chosen = supported(remembered);
        }
        if (chosen == null) {
            chosen = acceptable.stream().map(RequestLocale::supported).filter(Objects::nonNull).findFirst().orElse("en");
        }
        return chosen;
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
