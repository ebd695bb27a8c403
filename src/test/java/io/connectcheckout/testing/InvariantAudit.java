package io.connectcheckout.testing;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The money invariants of the quality bar, checked over a whole database — the checkout's tables,
 * the ConnectID sandbox's orders and the payment sandbox's payments, which share it. Each query
 * lists violations; an empty list is a pass. Plain SQL that runs on H2 and PostgreSQL alike.
 *
 * <ol>
 * <li>At most one ConnectID order per attempt (externalOrderId).</li>
 * <li>At most one captured payment per attempt (the payment's reference is the externalOrderId).</li>
 * <li>Every completed checkout has its order, completed, for the checkout's amount, at ConnectID.</li>
 * <li>A prepaid checkout's money: captured minus refunded equals the price when completed or paid
 *     (in flight), less what a withdrawal refunded (issue 14 item 4), and zero when it failed or went
 *     back to the details.</li>
 * <li>Sum of money kept (captured minus refunded) equals the sum of completed and in-flight prepaid checkouts.</li>
 * <li>Nothing moved backwards: no attempt, registration, payment or cancellation after a completion.</li>
 * </ol>
 *
 * <p>As a JUnit extension ({@code @ExtendWith(InvariantAudit.class)} on a {@code @QuarkusTest}
 * class) it audits the application's database after all tests of the class: everything every
 * test of this application instance did so far. When the application is not running (its start
 * failed), it audits nothing and adds no error of its own, so the start failure is the one error
 * the class reports.
 */
public final class InvariantAudit implements AfterAllCallback {

    /** What the audit looked at, for the reliability report. */
    public record Totals(long checkouts, long completed, long ordersAtConnectId, long paymentsCaptured,
            long keptMinor, long completedPrepaidMinor) {
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ArcContainer application = Arc.container();
        if (application == null || !application.isRunning()) {
            System.out.println("invariant audit skipped for " + context.getDisplayName() + ": the application is not running");
            return;
        }
        assertHoldsInThisApplication();
    }

    /**
     * Audits the database of the running application under test (from a {@code @QuarkusTest}) and
     * fails with the list of violations.
     */
    public static Totals assertHoldsInThisApplication() {
        try (Connection db = Arc.container().instance(DataSource.class).get().getConnection()) {
            List<String> found = violations(db);
            Totals totals = totals(db);
            System.out.println("invariant audit: " + totals + ", violations: " + found.size());
            if (!found.isEmpty()) {
                throw new AssertionError("invariants broken: " + found);
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> violations(Connection db) throws SQLException {
        List<String> found = new ArrayList<>();
        collect(db, found, "two ConnectID orders for one attempt", """
                select external_order_id, count(*) from cid_order
                where external_order_id is not null
                group by client_id, external_order_id having count(*) > 1""");
        collect(db, found, "two captured payments for one attempt", """
                select reference, count(*) from psp_payment
                where captured_minor > 0
                group by merchant_id, reference having count(*) > 1""");
        collect(db, found, "completed checkout without its completed ConnectID order", """
                select s.reference, s.connectid_order_id, o.status from checkout_session s
                left join cid_order o on o.id = s.connectid_order_id
                where s.step = 'COMPLETED'
                  and (o.id is null or upper(o.status) <> 'COMPLETED'
                       or o.order_amount * 100 <> s.amount_minor)""");
        collect(db, found, "prepaid checkout whose money does not match its outcome", """
                select s.reference, s.step, s.outcome, s.amount_minor, p.captured_minor, p.refunded_minor
                from checkout_session s join psp_payment p on p.payment_id = s.payment_id
                left join checkout_withdrawal w on w.session_id = s.id and w.refund_status = 'refunded'
                where (s.step in ('COMPLETED', 'PAID')
                       and p.captured_minor - p.refunded_minor <> s.amount_minor - coalesce(w.refund_minor, 0))
                   or (s.step not in ('COMPLETED', 'PAID', 'AWAITING_PAYMENT', 'PROCESSING')
                       and p.captured_minor - p.refunded_minor <> 0)""");
        collect(db, found, "money kept for a payment that is not its checkout's current one", """
                select p.reference, p.captured_minor, p.refunded_minor from psp_payment p
                join checkout_session s on p.reference like s.reference || '-%'
                where p.captured_minor - p.refunded_minor <> 0
                  and (s.payment_id is null or s.payment_id <> p.payment_id)""");
        collect(db, found, "money refunded although ConnectID has the order", """
                select s.reference, o.id from checkout_session s
                join cid_order o on o.external_order_id = s.external_order_id
                where s.outcome in ('refunded', 'refund_pending')""");
        collect(db, found, "a step taken after the checkout was completed", """
                select c.session_id, later.type from checkout_event c
                join checkout_event later on later.session_id = c.session_id and later.id > c.id
                where c.type = 'order_completed'
                  and later.type in ('attempt_started', 'order_registered', 'payment_started', 'payment_captured',
                                     'payment_verified', 'payment_cancelled', 'order_cancelled', 'order_failed',
                                     'order_completed', 'order_refused', 'payment_refunded')""");
        Totals t = totals(db);
        if (t.keptMinor() != t.completedPrepaidMinor()) {
            found.add("sum of money kept " + t.keptMinor() + " differs from the sum of completed and paid prepaid checkouts "
                    + t.completedPrepaidMinor());
        }
        return found;
    }

    public static Totals totals(Connection db) throws SQLException {
        return new Totals(
                number(db, "select count(*) from checkout_session"),
                number(db, "select count(*) from checkout_session where step = 'COMPLETED'"),
                number(db, """
                        select count(*) from cid_order o join checkout_session s on s.connectid_order_id = o.id"""),
                number(db, """
                        select count(*) from psp_payment p join checkout_session s on p.reference like s.reference || '-%'
                        where p.captured_minor > 0"""),
                number(db, """
                        select coalesce(sum(p.captured_minor - p.refunded_minor), 0) from psp_payment p
                        join checkout_session s on p.reference like s.reference || '-%'"""),
                number(db, """
                        select coalesce(sum(s.amount_minor - coalesce(w.refund_minor, 0)), 0) from checkout_session s
                        join psp_payment p on p.payment_id = s.payment_id
                        left join checkout_withdrawal w on w.session_id = s.id and w.refund_status = 'refunded'
                        where s.step in ('COMPLETED', 'PAID')"""));
    }

    private static long number(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void collect(Connection db, List<String> found, String what, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder(what).append(':');
                for (int i = 1; i <= columns; i++) {
                    row.append(' ').append(rs.getString(i));
                }
                found.add(row.toString());
            }
        }
    }
}
