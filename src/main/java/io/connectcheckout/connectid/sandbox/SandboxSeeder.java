package io.connectcheckout.connectid.sandbox;

import io.connectcheckout.connectid.sandbox.oauth.CidClient;
import io.connectcheckout.connectid.sandbox.orders.CatalogueCoupon;
import io.connectcheckout.connectid.sandbox.orders.CatalogueProduct;
import io.connectcheckout.connectid.sandbox.users.CidUser;
import io.connectcheckout.connectid.sandbox.users.Customer;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.jboss.logging.Logger;

/**
 * Seeds the demo client, the demo user and a small catalogue when the sandbox is on and holds no
 * client yet. VAT: digital news is VAT-free in Norway (0 %), other goods 25 %.
 */
@ApplicationScoped
public class SandboxSeeder {

    public static final String DEMO_CLIENT_ID = "no.connectcheckout.demo";
    public static final String DEMO_CLIENT_SECRET = "demo-secret";
    public static final String DEMO_EMAIL = "kari.nordmann@example.no";
    public static final String DEMO_MOBILE = "+4791234567";
    public static final String DEMO_PASSWORD = "Demo-passord-1";
    public static final String COMPANY = "CCDEMO";

    private static final Logger LOG = Logger.getLogger(SandboxSeeder.class);

    private final SandboxSwitch sandbox;
    private final ConnectIdSandboxConfig config;

    public SandboxSeeder(SandboxSwitch sandbox, ConnectIdSandboxConfig config) {
        this.sandbox = sandbox;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!sandbox.enabled()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(this::seedIfEmpty);
        } catch (PersistenceException raceWithAnotherInstance) {
            LOG.debug("ConnectID sandbox already seeded by another instance");
        }
    }

    void seedIfEmpty() {
        if (CidClient.count() > 0) {
            return;
        }
        Instant now = Instant.now();
        CidClient client = new CidClient();
        client.clientId = DEMO_CLIENT_ID;
        client.name = "Dagsavisen Demo";
        client.secretHash = BcryptUtil.bcryptHash(DEMO_CLIENT_SECRET);
        client.redirectUris = String.join(" ", config.demoClient().redirectUris());
        client.returnHosts = String.join(",", config.demoClient().returnHosts());
        client.createdAt = now;
        client.pspApiKey = config.demoClient().pspApiKey();
        client.pspCallbackSecret = config.demoClient().pspCallbackSecret();
        client.persist();

        Customer kari = new Customer();
        kari.customerNumber = Customer.FIRST_NUMBER;
        kari.firstName = "Kari";
        kari.lastName = "Nordmann";
        kari.street = "Storgata";
        kari.streetNumber = "1";
        kari.postalCode = "0155";
        kari.postalPlace = "Oslo";
        kari.countryCode = "NO";
        kari.email = DEMO_EMAIL;
        kari.phone = DEMO_MOBILE;
        kari.createdAt = now;
        kari.persist();

        CidUser user = new CidUser();
        user.uniqueUserId = "4c2b8f0e9d1a4e7b8c3d2f1a0b9e8d7c";
        user.email = DEMO_EMAIL;
        user.mobile = DEMO_MOBILE;
        user.passwordHash = BcryptUtil.bcryptHash(DEMO_PASSWORD);
        user.customer = kari;
        user.createdAt = now;
        user.persist();

        CatalogueProduct digital = product("DIGI", "Digital subscription", "subscription", true, "299.00", "0");
        // Weekend paper + digital: the printed paper is a physical good, so 25 % (our choice: the whole
        // bundle is priced as a printed newspaper delivery, the digital part is included at no extra charge).
        CatalogueProduct plus = product("PLUS", "Weekend paper + digital", "subscription", false, "449.00", "25");
        product("ISSUE-2026-48", "Single issue, week 48 2026 (digital edition)", "issue", true, "49.00", "0");

        coupon("DIGI", 1, digital, "Digital – monthly", "299.00", "0", 1, "months", "299.00", 1, "months", "0.00", null);
        coupon("DIGI", 12, digital, "Digital – yearly", "2990.00", "0", 12, "months", "2990.00", 12, "months", "0.00",
                null);
        coupon("PLUS", 1, plus, "Weekend paper + digital – monthly", "449.00", "25", 1, "months", "499.00", 1,
                "months", "0.00", "DIGI");
        LOG.info("Seeded the ConnectID sandbox: client " + DEMO_CLIENT_ID + ", user " + DEMO_EMAIL);
    }

    private static CatalogueProduct product(String code, String description, String type, boolean digital,
            String price, String vat) {
        CatalogueProduct p = new CatalogueProduct();
        p.companyCode = COMPANY;
        p.productCode = code;
        p.description = description;
        p.productType = type;
        p.digital = digital;
        p.currency = "NOK";
        p.price = new BigDecimal(price);
        p.vatPercent = new BigDecimal(vat);
        p.persist();
        return p;
    }

    private static void coupon(String code, int number, CatalogueProduct product, String description, String price,
            String vat, int periodLength, String periodType, String renewalPrice, int renewalLength,
            String renewalType, String dist, String extras) {
        CatalogueCoupon c = new CatalogueCoupon();
        c.couponCode = code;
        c.couponNumber = number;
        c.product = product;
        c.description = description;
        c.currency = "NOK";
        c.price = new BigDecimal(price);
        c.vatPercent = new BigDecimal(vat);
        c.periodLength = periodLength;
        c.periodType = periodType;
        c.renewalPrice = new BigDecimal(renewalPrice);
        c.renewalPeriodLength = renewalLength;
        c.renewalPeriodType = renewalType;
        c.distAmount = new BigDecimal(dist);
        c.extraProducts = extras;
        c.startTime = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
        c.endTime = ZonedDateTime.of(2030, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC).toInstant();
        c.persist();
    }
}
