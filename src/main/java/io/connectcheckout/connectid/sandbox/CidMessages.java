package io.connectcheckout.connectid.sandbox;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the ConnectID sandbox's pages and messages ({@code messages/cid_en.properties},
 * {@code cid_nb.properties}); used in templates as {@code {cid:key}}.
 */
@MessageBundle("cid")
public interface CidMessages {

    @Message String login_title(String client);
    @Message String login_intro(String client);
    @Message String login_credential();
    @Message String login_credential_hint();
    @Message String login_password();
    @Message String login_submit();
    @Message String login_failed();
    /** An empty login form: what to fill in (issue 14 item 13), never counted as a wrong password. */
    @Message String login_missing();
    @Message String login_throttled();
    @Message String login_code_instead();
    @Message String login_code_title();
    @Message String login_code_sent();
    @Message String login_code_label();
    @Message String login_code_send();
    @Message String login_code_submit();
    @Message String login_code_failed();
    @Message String login_code_throttled();
    @Message String logout_title();
    @Message String logout_text();
    @Message String logout_continue();
    @Message String link_password_title();
    @Message String link_password_intro(String client);
    @Message String link_password();
    @Message String link_password_repeat();
    @Message String link_password_hint(int min);
    @Message String link_password_too_short(int min);
    @Message String link_password_mismatch();
    @Message String link_password_submit();
    @Message String link_login_title();
    @Message String link_login_intro(String client, String credential);
    @Message String link_login_submit();
    @Message String link_invalid_title();
    @Message String link_invalid_text();
    @Message String link_invalid_continue();
    @Message String bad_request_title();
    @Message String bad_request_text();
    @Message String fulfillment_title();
    @Message String fulfillment_error_text();
    @Message String mail_set_password_subject(String client);
    @Message String mail_login_subject(String client);
    @Message String mail_code_subject(String client);
    @Message String mail_hello();
    @Message String mail_set_password_body(String client, int hours);
    @Message String mail_login_body(String client, int hours);
    @Message String mail_code_body(String client, int minutes);
    @Message String mail_ignore();
}
