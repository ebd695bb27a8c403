package io.connectcheckout.connectid.sandbox.orders;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/** A coupon: a price plan of a subscription product, with VAT, period and renewal terms. Prices include VAT. */
@Entity
@Table(name = "cid_coupon")
public class CatalogueCoupon extends PanacheEntityBase {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String couponCode;

    public Integer couponNumber;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    public CatalogueProduct product;

    public String description;

    public String currency;

    @Column(precision = 12, scale = 2)
    public BigDecimal price;

    @Column(precision = 5, scale = 2)
    public BigDecimal vatPercent;

    public Integer periodLength;

    public String periodType;

    @Column(precision = 12, scale = 2)
    public BigDecimal renewalPrice;

    public Integer renewalPeriodLength;

    public String renewalPeriodType;

    @Column(precision = 12, scale = 2)
    public BigDecimal distAmount;

    /** Comma separated product codes that come with the coupon. */
    public String extraProducts;

    public Instant startTime;

    public Instant endTime;

    public static Optional<CatalogueCoupon> find(String code, Integer number) {
        if (code == null || number == null) {
            return Optional.empty();
        }
        return find("couponCode = ?1 and couponNumber = ?2", code, number).firstResultOptional();
    }

    /** The VAT contained in a VAT-inclusive amount: amount × p / (100 + p), to øre. */
    public static BigDecimal vatOf(BigDecimal inclusive, BigDecimal percent) {
        return inclusive.multiply(percent).divide(HUNDRED.add(percent), 2, RoundingMode.HALF_UP);
    }
}
