package io.connectcheckout.publisher;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A white-label tenant: the brand shoppers see, the offers it sells through its ConnectID client,
 * and the payment options it accepts. The ConnectID client secret never leaves the server.
 */
@Entity
@Table(name = "publisher")
public class Publisher extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String name;
    public String logoUrl;
    public String brandColor;
    public String brandTextColor;
    public String supportEmail;
    public String supportPhone;
    public String termsUrl;
    public String homeUrl;
    /** The trader's legal name, shown in every page's footer and in the e-mails (issue 14 item 5). */
    public String companyName;
    /** The trader's organisation number as written in the register (Brønnøysund: nine digits). */
    public String organisationNumber;
    /** The trader's geographical address, one line. */
    public String postalAddress;
    public String defaultLocale;
    @Column(name = "connectid_client_id")
    public String connectIdClientId;
    @Column(name = "connectid_client_secret")
    public String connectIdClientSecret;
    /** Comma-separated host names this publisher allows for links back to its own site. */
    public String allowedReturnHosts;
    public Instant createdAt;
    /** The publisher's merchant API key at the payment provider (prepaid flows); never shown. */
    public String pspApiKey;
    /** The secret the payment provider signs this publisher's callbacks with; never shown. */
    public String pspCallbackSecret;

    @OneToMany(mappedBy = "publisher")
    @OrderBy("sortOrder")
    public List<Offer> offers = new ArrayList<>();

    @OneToMany(mappedBy = "publisher")
    @OrderBy("sortOrder")
    public List<PaymentOption> paymentOptions = new ArrayList<>();

    public static Optional<Publisher> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Optional<Offer> offer(String offerSlug) {
        return offers.stream().filter(o -> o.slug.equals(offerSlug)).findFirst();
    }

    public List<String> returnHosts() {
        return Arrays.stream(allowedReturnHosts.split(","))
                .map(String::trim)
                .filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT))
                .toList();
    }

    @Override
    public String toString() {
        // Never include the client secret.
        return "Publisher[" + slug + "]";
    }
}
