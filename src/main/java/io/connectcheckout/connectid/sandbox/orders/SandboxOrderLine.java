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
import java.time.Instant;

/** One line of a registered order, as validated against the catalogue. */
@Entity
@Table(name = "cid_order_line")
public class SandboxOrderLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    public SandboxOrder order;

    public Integer lineNo;

    public String specType;

    public String specCode;

    public Integer specNo;

    public String product;

    public String description;

    public Integer quantity;

    @Column(precision = 12, scale = 2)
    public BigDecimal unitPrice;

    public String voucherCode;

    /** {@code startInfo.startDate}: when the subscription this line gives starts; null: on completion. */
    public Instant startDate;
}
