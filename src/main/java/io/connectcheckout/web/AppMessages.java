package io.connectcheckout.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the checkout's own pages that belong to no single feature: the front page and the
 * error pages. The texts themselves live in {@code messages/msg_en.properties} and
 * {@code messages/msg_nb.properties}; each feature adds its own bundle beside this one, and the
 * layout and form tags shared with the sandboxes use {@code common.PageMessages}. Used in
 * templates as {@code {msg:key}}.
 */
@MessageBundle
public interface AppMessages {

    @Message String landing_title();
    @Message String landing_intro();
    @Message String landing_offers_heading(String publisher);
    @Message String landing_buy();
    @Message String landing_no_offers();
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
