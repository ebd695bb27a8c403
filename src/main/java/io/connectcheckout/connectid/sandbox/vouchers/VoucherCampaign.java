package io.connectcheckout.connectid.sandbox.vouchers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A voucher campaign: the coupons its codes unlock, usable from {@link #startTime} to {@link #endTime}. */
@Entity
@Table(name = "cid_voucher_campaign")
public class VoucherCampaign extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    /** Comma separated {@code couponCode:couponNumber}. */
    public String coupons;

    public Instant startTime;

    public Instant endTime;

    public boolean runsAt(Instant now) {
        return !now.isBefore(startTime) && !now.isAfter(endTime);
    }

    /** The coupons as {@code [code, number]} pairs, in the order given. */
    public List<String[]> couponKeys() {
        return Arrays.stream(coupons.split(",")).map(String::trim).filter(s -> s.contains(":"))
                .map(s -> s.split(":", 2)).toList();
    }
}
