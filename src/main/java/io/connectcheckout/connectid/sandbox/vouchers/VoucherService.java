package io.connectcheckout.connectid.sandbox.vouchers;

import io.connectcheckout.connectid.api.Coupon;
import io.connectcheckout.connectid.api.CouponList;
import io.connectcheckout.connectid.sandbox.ApiException;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import io.connectcheckout.connectid.sandbox.orders.CatalogueCoupon;
import io.connectcheckout.connectid.sandbox.orders.CatalogueService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * List voucher code coupons – client mode ({@code GET /v1/client/voucher/coupons/{voucherCode}},
 * connectid-api-notes.md §2.12): the coupons a valid voucher code unlocks, in the shape of List
 * coupons. An unknown code, or one whose campaign has not started or has ended, is the documented
 * validation error (400 {@code ValidationException}).
 */
@ApplicationScoped
public class VoucherService {

    private final Clock clock;

    public VoucherService(@SandboxTime Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public CouponList coupons(String voucherCode) {
        if (voucherCode == null || voucherCode.isBlank() || voucherCode.length() > VoucherCode.MAX_LENGTH) {
            throw ApiException.validation("voucherCode must be 1 to " + VoucherCode.MAX_LENGTH + " characters");
        }
        VoucherCampaign campaign = VoucherCode.byCode(voucherCode).map(v -> v.campaign)
                .orElseThrow(() -> ApiException.validation("Invalid voucher code " + voucherCode));
        Instant now = clock.instant();
        if (!campaign.runsAt(now)) {
            throw ApiException.validation("Voucher code " + voucherCode
                    + (now.isBefore(campaign.startTime) ? " is not valid yet" : " has expired"));
        }
        List<Coupon> coupons = campaign.couponKeys().stream()
                .map(key -> find(key[0], key[1]))
                .flatMap(Optional::stream)
                .map(c -> CatalogueService.coupon(c, false))
                .toList();
        return new CouponList(coupons);
    }

    private static Optional<CatalogueCoupon> find(String code, String number) {
        try {
            return CatalogueCoupon.find(code, Integer.valueOf(number.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
