package io.connectcheckout.publisher;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
    public String specType;
    public String couponCode;
    public String couponNumber;
    public String productCode;
    public String titleEn;
    public String titleNb;
    public String summaryEn;
    public String summaryNb;
    public boolean needsDelivery;
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
