package io.connectcheckout.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the shared layout and form tags ({@code templates/layout.html}, {@code tags/*}), used
 * by the checkout's and the sandboxes' pages alike: {@code messages/page_en.properties} and
 * {@code page_nb.properties}, in templates as {@code {page:key}}.
 */
@MessageBundle("page")
public interface PageMessages {

    @Message String app_name();

    @Message String footer_org_number(String number);

    /** Every page's {@code <meta name="description">} unless the page gives its own (issue 14 item 15). */
    @Message String meta_description(String name);
    @Message String skip_to_content();
    @Message String language_label();
    @Message String language_en();
    @Message String language_nb();
    @Message String footer_support();
    @Message String footer_terms();
    /** Every page's link to the WCAG 2.2 AA conformance statement, {@code /accessibility.html} (issue 14). */
    @Message String footer_accessibility();
    @Message String field_required();
    @Message String field_optional();
    @Message String errors_summary_title(int count);
}
