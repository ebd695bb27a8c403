package io.connectcheckout.connectid.sandbox.orders;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Optional;

/** A product of the sandbox catalogue (a subscription product or a single item/issue); price includes VAT. */
@Entity
@Table(name = "cid_product")
public class CatalogueProduct extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String companyCode;

    public String productCode;

    public String description;

    /** {@code subscription}, {@code issue} or {@code single}. */
    public String productType;

    public boolean digital;

    public String currency;

    @Column(precision = 12, scale = 2)
    public BigDecimal price;

    @Column(precision = 5, scale = 2)
    public BigDecimal vatPercent;

    public static Optional<CatalogueProduct> byCode(String code) {
        return code == null ? Optional.empty() : find("productCode", code).firstResultOptional();
    }
}
