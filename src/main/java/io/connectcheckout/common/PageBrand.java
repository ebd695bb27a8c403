package io.connectcheckout.common;

import io.quarkus.qute.TemplateData;

/**
 * Whose page it is, for the shared layout ({@code templates/layout.html}) in the neutral look:
 * just a name in the header and the title, the default colours of {@code /css/app.css}, no logo,
 * no support contacts. The sandboxes' pages use it with their own client's or merchant's name;
 * the checkout passes its publishers' brands instead, which add a logo, colours and contacts.
 */
@TemplateData
public record PageBrand(String name) {

    /** The project's own name, for pages that belong to no client or merchant (error pages). */
    public static final PageBrand NEUTRAL = new PageBrand("Connect Checkout");
}
