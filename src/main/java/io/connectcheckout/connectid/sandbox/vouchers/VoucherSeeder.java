package io.connectcheckout.connectid.sandbox.vouchers;

import io.connectcheckout.connectid.sandbox.SandboxSwitch;
import io.connectcheckout.connectid.sandbox.orders.CatalogueCoupon;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.jboss.logging.Logger;

/**
 * Seeds two voucher campaigns over the seeded catalogue, once, after the catalogue
 * ({@code SandboxSeeder}) and only when the sandbox is on, also into a database seeded before
 * vouchers existed: "Student" (code {@value #STUDENT_CODE}, the digital coupons, 2026–2030) and
 * "Sommer 2026" (code {@value #EXPIRED_CODE}, ended 31 August 2026).
 */
@ApplicationScoped
public class VoucherSeeder {

    public static final String STUDENT_CODE = "STUDENT-2026";
    public static final String EXPIRED_CODE = "SOMMER-2026";

    private static final Logger LOG = Logger.getLogger(VoucherSeeder.class);

    private final SandboxSwitch sandbox;

    public VoucherSeeder(SandboxSwitch sandbox) {
        this.sandbox = sandbox;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (!sandbox.enabled()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(VoucherSeeder::seedIfMissing);
        } catch (PersistenceException raceWithAnotherInstance) {
            LOG.debug("ConnectID sandbox vouchers already seeded by another instance");
        }
    }

    static void seedIfMissing() {
        if (VoucherCampaign.count() > 0 || CatalogueCoupon.find("DIGI", 1).isEmpty()) {
            return;
        }
        campaign("Student", "DIGI:1,DIGI:12", utc(2026, 1, 1, 0, 0, 0), utc(2030, 12, 31, 23, 59, 59), STUDENT_CODE);
        campaign("Sommer 2026", "DIGI:1", utc(2026, 6, 1, 0, 0, 0), utc(2026, 8, 31, 23, 59, 59), EXPIRED_CODE);
        LOG.info("Seeded the ConnectID sandbox's voucher campaigns: " + STUDENT_CODE + ", " + EXPIRED_CODE);
    }

    private static void campaign(String name, String coupons, Instant start, Instant end, String code) {
        VoucherCampaign campaign = new VoucherCampaign();
        campaign.name = name;
        campaign.coupons = coupons;
        campaign.startTime = start;
        campaign.endTime = end;
        campaign.persist();
        VoucherCode voucher = new VoucherCode();
        voucher.code = code;
        voucher.campaign = campaign;
        voucher.persist();
    }

    private static Instant utc(int y, int mo, int d, int h, int mi, int s) {
        return ZonedDateTime.of(y, mo, d, h, mi, s, 0, ZoneOffset.UTC).toInstant();
    }
}
