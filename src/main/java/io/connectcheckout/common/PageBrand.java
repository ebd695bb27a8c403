package io.connectcheckout.common;

import io.quarkus.qute.TemplateData;

/**
 * Whose page it is, for the shared layout ({@code templates/layout.html}): a name in the header and
 * the title, and optionally a stylesheet that sets its colours, a support address and terms for the
 * footer (the payment sandbox's merchants have them: issue 14 item 10); without them the neutral
 * look, the default colours of {@code /css/app.css}, no logo, no support contacts. The sandboxes' pages use it with their own client's or merchant's name;
 * the checkout passes its publishers' brands instead, which add a logo, colours and contacts.
 */
@TemplateData
public record PageBrand(String name, String stylesheetUrl, String supportEmail, String termsUrl) {

    /** The project's own name, for pages that belong to no client or merchant (error pages). */
    public static final PageBrand NEUTRAL = new PageBrand("Connect Checkout");

    /** Just a name, in the neutral look. */
    public PageBrand(String name) {
        this(name, null, null, null);
    }
}
