package io.connectcheckout.payment.sandbox.hostedpage;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the hosted payment page ({@code messages/psp_en.properties}, {@code psp_nb.properties}); {@code {psp:key}}. */
@MessageBundle("psp")
public interface PspMessages {

    @Message String title();
    @Message String sandbox_notice();
    @Message String pay_to(String merchant);
    @Message String amount_label();
    @Message String card_heading();
    @Message String card_number();
    @Message String card_number_hint();
    @Message String card_expiry();
    @Message String card_expiry_hint();
    @Message String card_cvc();
    @Message String card_cvc_hint();
    @Message String pay_button(String amount);
    @Message String cancel_button();
    @Message String error_card_number();
    @Message String error_card_luhn();
    @Message String error_card_expiry();
    @Message String error_card_expired();
    @Message String error_card_cvc();
    @Message String error_mobile();
    @Message String wallet_mobile();
    @Message String wallet_mobile_hint();
    @Message String wallet_continue();
    @Message String wallet_confirm_text(String phone);
    @Message String three_ds_heading();
    @Message String three_ds_text(String card);
    @Message String three_ds_approve();
    @Message String three_ds_fail();
    @Message String closed_heading();
    @Message String closed_expired();
    @Message String closed_done();
    @Message String back_to_merchant(String merchant);

    // Issue 14 item 10: the wallet by its name.
    @Message String wallet_named_heading(String wallet);
    @Message String wallet_sandbox_notice(String wallet);
    @Message String wallet_named_confirm_heading(String wallet);
    @Message String wallet_named_approve(String wallet);
    @Message String wallet_named_reject(String wallet);
}
