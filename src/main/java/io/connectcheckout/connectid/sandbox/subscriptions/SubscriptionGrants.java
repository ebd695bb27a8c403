package io.connectcheckout.connectid.sandbox.subscriptions;

import io.connectcheckout.connectid.sandbox.orders.CatalogueCoupon;
import io.connectcheckout.connectid.sandbox.orders.CatalogueProduct;
import io.connectcheckout.connectid.sandbox.orders.OrderCompleted;
import io.connectcheckout.connectid.sandbox.orders.SandboxOrder;
import io.connectcheckout.connectid.sandbox.orders.SandboxOrderLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a completed order into what its customer gets, in the same transaction: each coupon line a
 * subscription for the coupon's product (and its extra products) for the coupon's first period,
 * each product or issue line access to that product without end, from the line's start date
 * ({@link #startDate}). Article lines give nothing here.
 * Periods run in Norwegian dates, as the published client describes {@code startTime}/{@code
 * endTime} (00:00:00 on the start date, 23:59:59 on the last date paid for).
 */
@ApplicationScoped
public class SubscriptionGrants {

    /** Dates of subscriptions are Norwegian calendar dates. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    void onCompleted(@Observes OrderCompleted completed) {
        SandboxOrder order = completed.order();
        for (SandboxOrderLine line : order.lines) {
            grant(order, line, completed.at()).ifPresent(s -> s.persist());
        }
    }

    private static Optional<CustomerSubscription> grant(SandboxOrder order, SandboxOrderLine line, Instant at) {
        LocalDate startDate = startDate(line, at);
        CustomerSubscription s = new CustomerSubscription();
        s.customer = order.customer;
        s.order = order;
        s.lineNo = line.lineNo;
        s.copies = line.quantity == null ? 1 : line.quantity;
        s.startTime = startDate.atStartOfDay(ZONE).toInstant();
        if ("coupon".equals(line.specType)) {
            CatalogueCoupon coupon = CatalogueCoupon.find(line.specCode, line.specNo).orElse(null);
            if (coupon == null) {
                return Optional.empty();
            }
            s.companyCode = coupon.product.companyCode;
            s.product = coupon.product.productCode;
            s.description = coupon.description;
            s.couponCode = coupon.couponCode;
            s.couponNumber = coupon.couponNumber;
            s.extraProducts = coupon.extraProducts;
            LocalDate firstUnpaid = startDate.plus(coupon.periodLength, unit(coupon.periodType));
            s.endTime = firstUnpaid.atStartOfDay(ZONE).toInstant().minusSeconds(1);
            return Optional.of(s);
        }
        if ("product".equals(line.specType) || "issue".equals(line.specType)) {
            CatalogueProduct product = CatalogueProduct.byCode(line.product).orElse(null);
            if (product == null) {
                return Optional.empty();
            }
            s.companyCode = product.companyCode;
            s.product = product.productCode;
            s.description = product.description;
            return Optional.of(s);
        }
        return Optional.empty();
    }

    /**
     * The line's {@code startInfo.startDate} (connectid-api-notes.md §6: {@code startInfo.startDate}/
     * {@code startIssue} control the start), as a Norwegian date; the completion date when none was
     * sent or it has passed. Our choice for a past start: the notes give no rule, and the published
     * example (§2.1) sends the order's own time as {@code startDate}, so a start that has passed by
     * the time the order completes means "now"; no period is paid for in the past.
     * {@code startIssue} names a printed issue; the sandbox has no issue calendar and does not read it.
     */
    static LocalDate startDate(SandboxOrderLine line, Instant completedAt) {
        LocalDate completed = completedAt.atZone(ZONE).toLocalDate();
        if (line.startDate == null) {
            return completed;
        }
        LocalDate asked = line.startDate.atZone(ZONE).toLocalDate();
        return asked.isAfter(completed) ? asked : completed;
    }

    private static ChronoUnit unit(String periodType) {
        return switch (periodType == null ? "" : periodType.toLowerCase(Locale.ROOT)) {
            case "days", "day" -> ChronoUnit.DAYS;
            case "weeks", "week" -> ChronoUnit.WEEKS;
            case "years", "year" -> ChronoUnit.YEARS;
            default -> ChronoUnit.MONTHS;
        };
    }
}
