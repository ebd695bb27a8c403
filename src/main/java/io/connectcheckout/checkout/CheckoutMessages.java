package io.connectcheckout.checkout;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the checkout pages ({@code {co:key}} in templates); in
 * {@code messages/co_en.properties} and {@code messages/co_nb.properties}.
 */
@MessageBundle("co")
public interface CheckoutMessages {

    @Message String offer_price_label();
    @Message String offer_vat_included(String vat);
    @Message String offer_vat_free();
    @Message String offer_period(int length, String unit);
    @Message String offer_renewal(String price, int length, String unit);
    @Message String period_unit(String type, int length);
    @Message String offer_payment_legend();
    @Message String offer_prepaid_hint();
    @Message String offer_continue_guest();
    @Message String offer_login();
    @Message String offer_login_hint();
    @Message String offer_unavailable();

    @Message String details_title();
    @Message String details_logged_in_as(String who);
    @Message String details_logout();
    @Message String details_login_prefill();
    @Message String details_first_name();
    @Message String details_last_name();
    @Message String details_email();
    @Message String details_mobile();
    @Message String details_mobile_hint();
    @Message String details_contact_hint();
    @Message String details_postal_code();
    @Message String details_delivery_legend();
    @Message String details_street();
    @Message String details_city();
    @Message String details_terms(String publisher);
    @Message String details_terms_link();
    @Message String details_continue();
    @Message String details_payment_option();
    @Message String details_payment_chosen(String option);
    @Message String details_payment_change();
    /** Issue 14 item 4: the express request to start digital access within the withdrawal period. */
    @Message String details_immediate_start();
    @Message String details_immediate_start_hint();
    @Message String terms_immediate_start();

    /** Each field error names its field, so the error summary's links say which (issue 14 item 12). */
    @Message String error_required(String label);
    @Message String error_too_long(String label, int max);
    @Message String error_email();
    @Message String error_mobile();

    @Message String error_mobile_not_sms();
    @Message String error_contact_needed();
    @Message String error_postal_code();
    @Message String error_terms();
    @Message String error_invalid_characters(String label);
    @Message String error_payment_option();

    @Message String review_title();
    @Message String review_product();
    @Message String review_payer();
    @Message String review_payment();
    @Message String review_total();
    @Message String review_vat(String vat);
    @Message String review_next_fulfillment();
    @Message String review_next_prepaid();
    @Message String review_next_invoice();
    @Message String review_change();
    /** The order button: the shopper commits to pay (Consumer Rights Directive art. 8(2); angrerettloven § 16). */
    @Message String review_confirm();
    @Message String terms_title();
    @Message String terms_one_off();
    @Message String terms_no_binding();
    @Message String terms_cancel();
    @Message String terms_cancel_contact(String name, String email);
    @Message String terms_withdrawal();
    @Message String terms_full();
    @Message String review_cancelled();
    @Message String review_login_failed();

    @Message String status_title();
    @Message String status_text();
    @Message String status_refresh();
    @Message String status_slow();
    @Message String status_slow_contact(String email);

    @Message String failed_title();
    @Message String failed_text();
    @Message String failed_refunded();
    /** Issue 14 item 6: each cause of a failed attempt in its own words. */
    @Message String failed_declined();
    @Message String failed_card();
    @Message String failed_three_ds();
    @Message String failed_wallet_rejected(String option);
    @Message String failed_expired();
    @Message String failed_not_completed();
    @Message String failed_try_again();
    @Message String failed_change();

    @Message String receipt_title();
    @Message String receipt_order_number(String number);
    @Message String receipt_product();
    @Message String receipt_amount();
    @Message String receipt_period();
    @Message String receipt_paid_with(String option);
    @Message String receipt_invoice();
    @Message String receipt_account_sent(String credential);
    @Message String receipt_logged_in();
    @Message String receipt_back(String publisher);

    @Message String session_expired();

    // Issue 12, item 9
    @Message String login_refused_title();
    @Message String login_refused_text();
    @Message String login_refused_back();

    // Issue 12, item 11
    @Message String not_completed_title();
    @Message String not_completed_text();
    /** The same for a card paid at ConnectID's fulfillment: its order is registered, so the only way on is to pay it. */
    @Message String not_completed_fulfillment_text();
    @Message String not_completed_pay_again();
    @Message String not_completed_another_way();
    @Message String not_completed_cancel();
    @Message String not_completed_fulfillment_hint();

    // Issue 14, item 4: the withdrawal function.
    @Message String receipt_withdraw();
    @Message String receipt_withdrawn_title();
    @Message String receipt_withdrawn(String product, String at);
    @Message String withdraw_title();
    @Message String withdraw_intro();
    @Message String withdraw_order(String number, String product);
    @Message String withdraw_ordered_at(String at);
    @Message String withdraw_until(String at);
    @Message String withdraw_effect_refund(String amount);
    @Message String withdraw_effect_refund_less(String amount, String paid, String charge, int days);
    @Message String withdraw_effect_publisher_refund(String publisher, String amount);
    @Message String withdraw_effect_publisher_refund_less(String publisher, String amount, String paid, String charge,
            int days);
    @Message String withdraw_effect_invoice(String publisher);
    @Message String withdraw_effect_invoice_charge(String publisher, String charge, int days);
    @Message String withdraw_effect_nothing();
    @Message String withdraw_effect_stop(String publisher);
    @Message String withdraw_confirm();
    @Message String withdraw_keep();
    @Message String withdrawn_title();
    @Message String withdrawn_text(String number, String at);
    @Message String withdrawn_mail(String email);
    @Message String withdrawn_keep_page();
    @Message String withdraw_ended_title();
    @Message String withdraw_ended_text(String date);
    @Message String withdraw_ended_contact(String publisher, String email);

    // Issue 12, item 6: an expired signed link.
    @Message String link_expired_title();
    @Message String link_expired_text();
    @Message String link_expired_support(String publisher);
}
