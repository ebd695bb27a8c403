package io.connectcheckout.connectid.sandbox.orders;

import io.connectcheckout.connectid.api.Address;
import io.connectcheckout.connectid.api.OrderLine;
import io.connectcheckout.connectid.api.PaymentInfo;
import io.connectcheckout.connectid.api.RegisterOrderRequest;
import io.connectcheckout.connectid.sandbox.ApiException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The lengths and numeric bounds of every Register order field the sandbox stores, checked before
 * anything reaches the database, so an over-long value or an amount beyond its column is a 400
 * {@code ValidationException} naming the field (connectid-api-notes.md §0 "Error body"; lengths from
 * §2.1 where it gives them, otherwise the columns of {@code V3__connectid_sandbox.sql}), never a
 * database error, and never a log line holding the value. Found by the outside attack on issue 13:
 * a 100,000-character {@code lastName} and {@code orderAmount} 1e20 reached the database, which
 * refused them, and Hibernate logged the value and the SQL.
 */
final class OrderFieldLimits {

    /** The largest amount a {@code numeric(12,2)} column holds. */
    static final BigDecimal LARGEST_AMOUNT = new BigDecimal("9999999999.99");

    private OrderFieldLimits() {
    }

    /** Checks every stored field of the request; needs no database. */
    static void check(RegisterOrderRequest r) {
        length("externalOrderId", r.externalOrderId(), 40);
        length("paymentMethod", r.paymentMethod(), 20);
        length("currency", r.currency(), 3);
        amount("orderAmount", r.orderAmount());
        length("marketingCouponCode", r.marketingCouponCode(), 12);
        length("campaignParameters", r.campaignParameters(), 500);
        length("companyCode", r.companyCode(), 12);
        length("uniqueUserId", r.uniqueUserId(), 32);
        payer(r.payer());
        List<OrderLine> lines = r.orderLines() == null ? List.of() : r.orderLines();
        for (int i = 0; i < lines.size(); i++) {
            line(lines.get(i), "orderLines[" + i + "]");
        }
        paymentInfo("paymentInfo", r.paymentInfo());
        paymentInfo("paymentInfoOther", r.paymentInfoOther());
        paymentInfo("paymentInfoPayex", r.paymentInfoPayex());
    }

    /** The transaction id is stored as the order's payment reference; the amount is compared with the order's. */
    private static void paymentInfo(String field, PaymentInfo info) {
        if (info != null) {
            length(field + ".transactionId", info.transactionId(), 100);
            length(field + ".currency", info.currency(), 3);
            amount(field + ".amount", info.amount());
        }
    }

    /** The new customer's columns ({@code cid_customer}); e-mails and phone numbers are held to credentials' 60. */
    private static void payer(Address payer) {
        if (payer == null) {
            return;
        }
        length("payer.firstName", payer.firstName(), 100);
        length("payer.lastName", payer.lastName(), 100);
        length("payer.companyName", payer.companyName(), 200);
        length("payer.street", payer.street(), 200);
        length("payer.streetNumber", payer.streetNumber(), 20);
        length("payer.postalCode", payer.postalCode(), 10);
        length("payer.postalPlace", payer.postalPlace(), 100);
        length("payer.countryCode", payer.countryCode(), 3);
        each("payer.emails", payer.emails(), 60);
        each("payer.phoneNumbers", payer.phoneNumbers(), 60);
    }

    /** The line's columns ({@code cid_order_line}); an article's description is stored as the line's. */
    private static void line(OrderLine line, String at) {
        if (line == null) {
            return;
        }
        length(at + ".productSpecType", line.productSpecType(), 10);
        length(at + ".productSpecCode", line.productSpecCode(), 12);
        length(at + ".product", line.product(), 20);
        length(at + ".voucherCode", line.voucherCode(), 36);
        amount(at + ".unitPrice", line.unitPrice());
        if (line.articleDetail() != null) {
            length(at + ".articleDetail.articleRef", line.articleDetail().articleRef(), 100);
            length(at + ".articleDetail.articleDesc", line.articleDetail().articleDesc(), 200);
        }
    }

    /** Refuses a total of the lines the order amount column cannot hold. */
    static void total(String field, BigDecimal total) {
        if (total.compareTo(LARGEST_AMOUNT) > 0) {
            throw ApiException.validation(field + " must be at most " + LARGEST_AMOUNT.toPlainString());
        }
    }

    private static void each(String field, List<String> values, int max) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            length(field + "[" + i + "]", values.get(i), max);
        }
    }

    private static void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.validation(field + " must be at most " + max + " characters");
        }
    }

    private static void amount(String field, BigDecimal value) {
        if (value != null && value.compareTo(LARGEST_AMOUNT) > 0) {
            throw ApiException.validation(field + " must be at most " + LARGEST_AMOUNT.toPlainString());
        }
    }
}
