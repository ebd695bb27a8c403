package io.connectcheckout.publisher;

import java.util.regex.Pattern;

/**
 * What a page needs to look like its publisher: name, logo, colours, contact, and the trader's
 * legal identity (company name, organisation number, address; null when not set). Colours are
 * checked against {@code #rrggbb} so they can be written into a stylesheet safely.
 */
public record Brand(String slug, String name, String logoUrl, String color, String textColor,
        String supportEmail, String supportPhone, String termsUrl, String homeUrl, String companyName,
        String organisationNumber, String postalAddress) {

    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** The neutral brand of pages that belong to no publisher (error pages, the front page). */
    public static final Brand DEFAULT = new Brand("default", "Connect Checkout", null, "#1d4ed8", "#ffffff",
            null, null, null, null, null, null, null);

    public Brand {
        color = safeColor(color, "#1d4ed8");
        textColor = safeColor(textColor, "#ffffff");
    }

    public static Brand of(Publisher publisher) {
        return new Brand(publisher.slug, publisher.name, publisher.logoUrl, publisher.brandColor,
                publisher.brandTextColor, publisher.supportEmail, publisher.supportPhone, publisher.termsUrl,
                publisher.homeUrl, publisher.companyName, publisher.organisationNumber, publisher.postalAddress);
    }

    /** The stylesheet that sets the brand's CSS variables (served, since CSP forbids inline styles). */
    public String stylesheet() {
        return ":root{--brand:" + color + ";--brand-text:" + textColor + ";}\n";
    }

    private static String safeColor(String value, String fallback) {
        return value != null && HEX_COLOR.matcher(value).matches() ? value : fallback;
    }
}
