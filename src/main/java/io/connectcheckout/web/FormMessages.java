package io.connectcheckout.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts about forms that could not be used (issue 12, items 1, 2 and 10): the page of a refused
 * form and the notice of an out-of-date one. In {@code messages/form_en.properties} and
 * {@code form_nb.properties}; used in templates as {@code {form:key}}.
 */
@MessageBundle("form")
public interface FormMessages {

    @Message String refused_title();
    @Message String refused_text_400();
    @Message String refused_text_403();
    @Message String refused_back();
    @Message String stale_notice();
}
