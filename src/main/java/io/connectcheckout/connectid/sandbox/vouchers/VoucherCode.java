package io.connectcheckout.connectid.sandbox.vouchers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;

/** One voucher code (≤ 36 characters, matched exactly) of a campaign. */
@Entity
@Table(name = "cid_voucher_code")
public class VoucherCode extends PanacheEntityBase {

    public static final int MAX_LENGTH = 36;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "campaign_id")
    public VoucherCampaign campaign;

    public static Optional<VoucherCode> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
