package io.connectcheckout.connectid.sandbox.orders;

import io.connectcheckout.connectid.api.Address;
import io.connectcheckout.connectid.api.OrderLine;
import io.connectcheckout.connectid.api.PaymentInfo;
import io.connectcheckout.connectid.api.RegisterOrderRequest;
import io.connectcheckout.connectid.sandbox.ApiException;
import io.connectcheckout.connectid.sandbox.users.Credential;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * What Register order checks, in the contract's words, before anything is stored. Each failure is a
 * 400 {@code ValidationException} naming the field. Catalogue lookups need a transaction (the caller's).
 */
public final class OrderRules {

    /** The payment methods of the contract. */
    public static final Set<String> PAYMENT_METHODS = Set.of("invoice", "sms", "smsPay", "vippsRecurring", "kco",
            "creditcardPayex", "swishPayex", "vippsEcommerce", "nexi", "other", "free");
    public static final Set<String> SPEC_TYPES = Set.of("coupon", "product", "issue", "article");
    public static final int MAX_LINES = 50;

    /** A line checked against the catalogue, with its VAT-inclusive price per unit. */
    public record CheckedLine(OrderLine line, String description, BigDecimal unitPrice, int quantity) {

        public BigDecimal total() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    private OrderRules() {
    }

    /** Checks the request; returns the lines priced from the catalogue. */
    public static List<CheckedLine> check(RegisterOrderRequest r) {
        if (r.externalOrderId() != null && r.externalOrderId().length() > 40) {
            fail("externalOrderId must be at most 40 characters");
        }
        if (r.paymentMethod() == null || r.paymentMethod().isBlank()) {
            fail("paymentMethod is required");
        }
        if (!PAYMENT_METHODS.contains(r.paymentMethod())) {
            fail("Unknown paymentMethod: " + r.paymentMethod());
        }
        if (r.currency() != null) {
            currency(r.currency());
        }
        if (r.orderAmount() != null && (r.orderAmount().signum() < 0 || r.orderAmount().scale() > 2)) {
            fail("orderAmount must be a non-negative amount with at most two decimals");
        }
        if ((r.marketingCouponCode() == null) != (r.marketingCouponNumber() == null)) {
            fail("marketingCouponCode and marketingCouponNumber must be given together");
        }
        if (r.marketingCouponCode() != null
                && CatalogueCoupon.find(r.marketingCouponCode(), r.marketingCouponNumber()).isEmpty()) {
            fail("Unknown marketing coupon " + r.marketingCouponCode() + "/" + r.marketingCouponNumber());
        }
        if (r.campaignParameters() != null && r.campaignParameters().length() > 500) {
            fail("campaignParameters must be at most 500 characters");
        }
        if (r.companyCode() != null && r.companyCode().length() > 12) {
            fail("companyCode must be at most 12 characters");
        }
        payer(r.payer());
        if (r.orderLines() == null || r.orderLines().isEmpty()) {
            fail("orderLines must contain at least one line");
        }
        if (r.orderLines().size() > MAX_LINES) {
            fail("At most " + MAX_LINES + " order lines");
        }
        List<CheckedLine> lines = new ArrayList<>();
        for (int i = 0; i < r.orderLines().size(); i++) {
            lines.add(line(r.orderLines().get(i), "orderLines[" + i + "]"));
        }
        if (r.orderAmount() == null) {
            // The lines' total becomes the order amount: it must fit where it is stored.
            OrderFieldLimits.total("the total of orderLines",
                    lines.stream().map(CheckedLine::total).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        if (Boolean.TRUE.equals(r.prepaid())) {
            PaymentInfo info = paymentInfo(r);
            if (info == null) {
                fail("prepaid orders need paymentInfo, paymentInfoOther or paymentInfoPayex");
            }
            if (info.transactionId() == null || info.transactionId().isBlank() || info.transactionId().length() > 100) {
                fail("paymentInfo.transactionId is required");
            }
            if (info.amount() != null && (info.amount().signum() < 0 || info.amount().scale() > 2)) {
                fail("paymentInfo.amount must be a non-negative amount with at most two decimals");
            }
            if (info.currency() != null) {
                currency(info.currency());
            }
        }
        return lines;
    }

    /**
     * The prepaid payment info: exactly one of {@code paymentInfo} (provider-neutral, as older clients
     * send it; connectid-api-notes.md §2.1, §4), {@code paymentInfoOther} and {@code paymentInfoPayex};
     * null when none is sent. Its {@code amount} and {@code currency} may be left out (the generic form
     * has none): the payment is then checked against the order's.
     */
    public static PaymentInfo paymentInfo(RegisterOrderRequest r) {
        List<PaymentInfo> sent = new ArrayList<>();
        for (PaymentInfo info : new PaymentInfo[] {r.paymentInfo(), r.paymentInfoOther(), r.paymentInfoPayex()}) {
            if (info != null) {
                sent.add(info);
            }
        }
        if (sent.size() > 1) {
            fail("Send only one of paymentInfo, paymentInfoOther and paymentInfoPayex");
        }
        return sent.isEmpty() ? null : sent.get(0);
    }

    /**
     * The de-duplication key: {@code externalOrderId} as sent, or null when absent, empty or blank
     * (old clients send {@code ""}; connectid-api.md "Evidence from published client code").
     */
    public static String externalOrderId(RegisterOrderRequest r) {
        return r.externalOrderId() == null || r.externalOrderId().isBlank() ? null : r.externalOrderId();
    }

    /** A time field ({@code orderDate}, {@code startInfo.startDate}; epoch ms read by {@code WireTime}); null if absent. */
    public static Instant instant(Long value) {
        return value == null ? null : Instant.ofEpochMilli(value);
    }

    static String currency(String code) {
        try {
            if (code.length() == 3 && code.equals(code.toUpperCase())) {
                return Currency.getInstance(code).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        fail("Unknown currency: " + code);
        return null;
    }

    private static void payer(Address payer) {
        if (payer == null) {
            fail("payer is required");
        }
        if (blank(payer.lastName()) && blank(payer.companyName())) {
            fail("payer.lastName or payer.companyName is required");
        }
        if (blank(payer.postalCode())) {
            fail("payer.postalCode is required");
        }
        if (payer.postalCode().length() > 10) {
            fail("payer.postalCode must be at most 10 characters");
        }
        boolean noEmails = payer.emails() == null || payer.emails().isEmpty();
        boolean noPhones = payer.phoneNumbers() == null || payer.phoneNumbers().isEmpty();
        if (noEmails && noPhones) {
            fail("payer.emails or payer.phoneNumbers is required");
        }
        if (!noEmails) {
            for (String email : payer.emails()) {
                if (email == null || !email.contains("@") || Credential.parse(email).isEmpty()) {
                    fail("payer.emails contains an invalid e-mail address");
                }
            }
        }
        if (!noPhones) {
            for (String phone : payer.phoneNumbers()) {
                if (phone == null || phone.contains("@") || Credential.parse(phone).isEmpty()) {
                    fail("payer.phoneNumbers contains an invalid phone number");
                }
            }
        }
        if (payer.countryCode() != null && payer.countryCode().length() > 3) {
            fail("payer.countryCode must be at most 3 characters");
        }
    }

    private static CheckedLine line(OrderLine line, String at) {
        if (line == null) {
            fail(at + " is empty");
        }
        String type = line.productSpecType();
        if (type == null || !SPEC_TYPES.contains(type)) {
            fail(at + ".productSpecType must be coupon, product, issue or article");
        }
        int quantity = line.quantity() == null ? 1 : line.quantity();
        if (quantity < 1 || quantity > 999) {
            fail(at + ".quantity must be between 1 and 999");
        }
        if (line.unitPrice() != null && (line.unitPrice().signum() < 0 || line.unitPrice().scale() > 2)) {
            fail(at + ".unitPrice must be a non-negative amount with at most two decimals");
        }
        if ((line.allowAccessProduct() == null) != (line.allowAccessSeconds() == null)) {
            fail(at + ".allowAccessProduct and allowAccessSeconds must be given together");
        }
        if (line.allowAccessSeconds() != null && line.allowAccessSeconds() <= 0) {
            fail(at + ".allowAccessSeconds must be positive");
        }
        if (line.voucherCode() != null && line.voucherCode().length() > 36) {
            fail(at + ".voucherCode must be at most 36 characters");
        }
        switch (type) {
            case "coupon" -> {
                requireCoupon(line, at);
                CatalogueCoupon coupon = coupon(line, at);
                return new CheckedLine(line, coupon.description, price(line, coupon.price), quantity);
            }
            case "product" -> {
                if (blank(line.product())) {
                    fail(at + ".product is required for productSpecType product");
                }
                CatalogueProduct product = product(line.product(), at);
                return new CheckedLine(line, product.description, price(line, product.price), quantity);
            }
            case "issue" -> {
                requireCoupon(line, at);
                if (blank(line.product())) {
                    fail(at + ".product (the issue) is required for productSpecType issue");
                }
                coupon(line, at);
                CatalogueProduct issue = product(line.product(), at);
                return new CheckedLine(line, issue.description, price(line, issue.price), quantity);
            }
            default -> {
                OrderLine.ArticleDetail article = line.articleDetail();
                if (article == null || blank(article.articleRef())) {
                    fail(at + ".articleDetail with articleRef is required for productSpecType article");
                }
                BigDecimal unit = line.unitPrice() == null ? BigDecimal.ZERO : line.unitPrice();
                String description = article.articleDesc() == null ? "Article " + article.articleRef() : article.articleDesc();
                return new CheckedLine(line, description, unit, quantity);
            }
        }
    }

    private static void requireCoupon(OrderLine line, String at) {
        if (blank(line.productSpecCode()) || line.productSpecNo() == null) {
            fail(at + ".productSpecCode and productSpecNo are required for productSpecType " + line.productSpecType());
        }
    }

    private static CatalogueCoupon coupon(OrderLine line, String at) {
        return CatalogueCoupon.find(line.productSpecCode(), line.productSpecNo())
                .orElseThrow(() -> ApiException.validation(
                        at + ": unknown coupon " + line.productSpecCode() + "/" + line.productSpecNo()));
    }

    private static CatalogueProduct product(String code, String at) {
        return CatalogueProduct.byCode(code)
                .orElseThrow(() -> ApiException.validation(at + ": unknown product " + code));
    }

    private static BigDecimal price(OrderLine line, BigDecimal catalogue) {
        return line.unitPrice() != null ? line.unitPrice() : catalogue;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void fail(String message) {
        throw ApiException.validation(message);
    }
}
