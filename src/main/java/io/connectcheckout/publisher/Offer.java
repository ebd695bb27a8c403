package io.connectcheckout.publisher;

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
import java.util.Locale;

/**
 * Something a publisher sells: a ConnectID coupon (subscription offer) or product, with display
 * texts in English and Norwegian. Prices are never stored here: they come from ConnectID.
 */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "publisher_id")
    public Publisher publisher;

    public String slug;
    /** ConnectID {@code productSpecType}: {@code coupon} or {@code product}. */
    @Column(name = "spec_type")
    public String specType;
    @Column(name = "coupon_code")
    public String couponCode;
    @Column(name = "coupon_number")
    public String couponNumber;
    @Column(name = "product_code")
    public String productCode;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "title_nb")
    public String titleNb;
    @Column(name = "summary_en")
    public String summaryEn;
    @Column(name = "summary_nb")
    public String summaryNb;
    @Column(name = "needs_delivery")
    public boolean needsDelivery;
    @Column(name = "sort_order")
    public int sortOrder;

    public String title(Locale locale) {
        return isNorwegian(locale) ? titleNb : titleEn;
    }

    public String summary(Locale locale) {
        return isNorwegian(locale) ? summaryNb : summaryEn;
    }

    static boolean isNorwegian(Locale locale) {
        return locale != null && ("nb".equals(locale.getLanguage()) || "no".equals(locale.getLanguage()));
    }
}
