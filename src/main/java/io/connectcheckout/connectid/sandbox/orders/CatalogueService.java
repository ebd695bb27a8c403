package io.connectcheckout.connectid.sandbox.orders;

import io.connectcheckout.connectid.api.Coupon;
import io.connectcheckout.connectid.api.CouponList;
import io.connectcheckout.connectid.api.CouponPriceRequest;
import io.connectcheckout.connectid.api.CouponPriceResponse;
import io.connectcheckout.connectid.api.Product;
import io.connectcheckout.connectid.api.ProductList;
import io.connectcheckout.connectid.sandbox.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Coupons, coupon prices and products of the sandbox catalogue. */
@ApplicationScoped
public class CatalogueService {

    /** Delivery is a physical service: 25 % VAT. */
    private static final BigDecimal DELIVERY_VAT = new BigDecimal("25");

    @Transactional
    public CouponList coupons(String productCode, boolean marketing) {
        List<CatalogueCoupon> coupons = CatalogueCoupon.list("product.productCode = ?1 order by couponCode, couponNumber",
                productCode);
        return new CouponList(coupons.stream().map(c -> coupon(c, marketing)).toList());
    }

    @Transactional
    public CouponPriceResponse price(CouponPriceRequest request) {
        if (request.couponCode() == null || request.couponCode().isBlank() || request.couponCode().length() > 12) {
            throw ApiException.validation("couponCode is required (at most 12 characters)");
        }
        if (request.couponNumber() == null) {
            throw ApiException.validation("couponNumber is required");
        }
        if (request.countryCode() != null && request.countryCode().length() > 3) {
            throw ApiException.validation("countryCode must be at most 3 characters");
        }
        if (request.postalCode() != null && request.postalCode().length() > 10) {
            throw ApiException.validation("postalCode must be at most 10 characters");
        }
        CatalogueCoupon c = CatalogueCoupon.find(request.couponCode(), request.couponNumber())
                .orElseThrow(() -> ApiException.validation(
                        "Unknown coupon " + request.couponCode() + "/" + request.couponNumber()));
        boolean withDelivery = request.postalCode() != null && !request.postalCode().isBlank();
        BigDecimal dist = withDelivery ? c.distAmount : BigDecimal.ZERO.setScale(2);
        return new CouponPriceResponse(c.product.companyCode, c.product.productCode, c.price,
                CatalogueCoupon.vatOf(c.price, c.vatPercent), c.vatPercent, true, c.currency, dist,
                CatalogueCoupon.vatOf(dist, DELIVERY_VAT), request.customerNumber());
    }

    @Transactional
    public ProductList products(String productId) {
        List<CatalogueProduct> products = productId == null || productId.isBlank()
                ? CatalogueProduct.list("order by productCode")
                : CatalogueProduct.list("productCode", productId);
        return new ProductList(products.stream().map(p -> new Product(p.companyCode, p.productCode, p.description,
                p.productType, null, null, p.currency, p.price, p.price, p.vatPercent, p.digital)).toList());
    }

    /** A catalogue coupon on the wire (List coupons, voucher coupons). */
    public static Coupon coupon(CatalogueCoupon c, boolean marketing) {
        List<Coupon.ExtraProduct> extras = c.extraProducts == null ? List.of()
                : Arrays.stream(c.extraProducts.split(",")).map(String::trim)
                        .map(code -> new Coupon.ExtraProduct(code, CatalogueProduct.byCode(code)
                                .map(p -> p.description).orElse(code)))
                        .toList();
        return new Coupon(c.couponCode, c.couponNumber, c.startTime.toEpochMilli(), c.endTime.toEpochMilli(),
                c.description, c.price.stripTrailingZeros().toPlainString(), String.valueOf(c.periodLength),
                c.periodType, extras,
                new Coupon.Renewal(c.renewalPrice.stripTrailingZeros().toPlainString(),
                        String.valueOf(c.renewalPeriodLength), c.renewalPeriodType),
                marketing ? new Coupon.Marketing("SANDBOX", "NO", "WEB", "WEB") : null);
    }
}
