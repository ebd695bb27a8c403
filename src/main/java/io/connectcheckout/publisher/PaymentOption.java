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
 * A way a publisher lets shoppers pay: its label, the ConnectID {@code paymentMethod} it maps to,
 * and whether the money is collected before the order is registered (prepaid).
 */
@Entity
@Table(name = "payment_option")
public class PaymentOption extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "publisher_id")
    public Publisher publisher;

    public String code;
    public String labelEn;
    public String labelNb;
    public String paymentMethod;
    public boolean prepaid;
    public int sortOrder;

    public String label(Locale locale) {
        return Offer.isNorwegian(locale) ? labelNb : labelEn;
    }
}
