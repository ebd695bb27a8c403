package io.connectcheckout.checkout;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the checkout's e-mails ({@code {mail:key}} in {@code templates/mail/checkout/}); in
 * {@code messages/mail_en.properties} and {@code messages/mail_nb.properties}. The withdrawal
 * texts follow the model instructions and the model form of the Consumer Rights Directive,
 * Annex I (A, B), as the Norwegian angrerettloven's standard angreskjema words them.
 */
@MessageBundle("mail")
public interface MailMessages {

    @Message String confirmation_subject(String number, String product);
    @Message String confirmation_hello(String name);
    @Message String confirmation_intro(String publisher);
    @Message String confirmation_order_number();
    @Message String confirmation_ordered_at();
    @Message String confirmation_product();
    @Message String confirmation_price();
    @Message String confirmation_starts();
    @Message String confirmation_starts_on(String date);
    @Message String confirmation_payment();
    @Message String confirmation_invoice(String option);
    @Message String confirmation_paid_with(String option);
    @Message String confirmation_receipt_link();
    @Message String confirmation_terms_link();

    @Message String withdrawal_title();
    @Message String withdrawal_right();
    @Message String withdrawal_how(String trader);
    @Message String withdrawal_deadline();
    @Message String withdrawal_effects();
    @Message String withdrawal_started_service();

    @Message String withdrawal_link();
    @Message String withdrawal_until(String date);
    @Message String confirmation_immediate_start();
    @Message String withdrawal_full();

    @Message String form_title();
    @Message String form_to(String trader);
    @Message String form_notice();
    @Message String form_ordered_on();
    @Message String form_name();
    @Message String form_address();
    @Message String form_signature();
    @Message String form_date();
    @Message String form_delete();

    @Message String withdrawn_subject(String number);
    @Message String withdrawn_intro(String at);
    @Message String notice_subject(String number, String reference);
    @Message String notice_intro();
    @Message String notice_received(String at);
    @Message String notice_order(String number, String reference, String product, String price);
    @Message String notice_payer(String name, String contact);
    @Message String notice_basis_full();
    @Message String notice_basis_proportional(String charge);
    @Message String notice_refund_provider(String amount);
    @Message String notice_refund_yours(String amount);
    @Message String notice_invoice();
    @Message String notice_invoice_charge(String charge);
    @Message String notice_stop(String number);

    @Message String trader_title();
    @Message String trader_org_number(String number);
    @Message String trader_contact(String email);
    @Message String trader_phone(String phone);
}
