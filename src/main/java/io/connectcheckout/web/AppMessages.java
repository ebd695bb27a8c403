package io.connectcheckout.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts shared by every page: layout, error pages, form tags. The texts themselves live in
 * {@code messages/msg_en.properties} and {@code messages/msg_nb.properties}; each feature adds
 * its own bundle beside this one. Used in templates as {@code {msg:key}}.
 */
@MessageBundle
public interface AppMessages {

    @Message String app_name();
    @Message String skip_to_content();
    @Message String language_label();
    @Message String language_en();
    @Message String language_nb();
    @Message String landing_title();
    @Message String landing_intro();
    @Message String landing_offers_heading(String publisher);
    @Message String landing_buy();
    @Message String landing_no_offers();
    @Message String footer_support();
    @Message String footer_terms();
    @Message String field_required();
    @Message String field_optional();
    @Message String errors_summary_title(int count);
    @Message String error_title_400();
    @Message String error_text_400();
    @Message String error_title_403();
    @Message String error_text_403();
    @Message String error_title_404();
    @Message String error_text_404();
    @Message String error_title_405();
    @Message String error_text_405();
    @Message String error_title_429();
    @Message String error_text_429();
    @Message String error_title_500();
    @Message String error_text_500();
    @Message String error_title_503();
    @Message String error_text_503();
    @Message String error_reference(String reference);
    @Message String error_home();
}
