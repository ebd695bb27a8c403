package io.connectcheckout.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.testing.Checkouts;
import io.connectcheckout.testing.Shopper;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every text field of the details form against the column that stores it: an otherwise valid
 * form with the one field at the column's size is accepted and stored intact, and with it one
 * character over is a field error that saves nothing. The sizes come from the schema of the
 * database under test (the migrations), never from a copy of the form's own limits; the fields
 * come from the rendered form, so a new field without a column fails here.
 */
@QuarkusTest
class FieldLimitsTest {

    /** An offer with a delivery address, so every field of the form is validated and stored. */
    private static final String OFFER = "/checkout/demo/print-weekend";

    /** Fields whose column holds a normalised value rather than what was typed. */
    private static final Map<String, Function<Payer, String>> STORED = Map.of(
            "firstName", Payer::firstName, "lastName", Payer::lastName, "email", Payer::email,
            "mobile", Payer::mobile, "postalCode", Payer::postalCode, "street", Payer::street, "city", Payer::city);

    @Test
    void everyFieldAtItsColumnSizeIsStoredAndOneOverIsAFieldError() throws SQLException {
        Map<String, Integer> columns = columnSizes("checkout_session");
        Shopper probe = atDetails();
        List<String> fields = probe.page().form("form[action='/checkout/details']")
                .select("input[type=text], input[type=email], input[type=tel], input:not([type])").stream()
                .map(e -> e.attr("name")).toList();
        assertTrue(fields.size() >= 7, "the form's text fields: " + fields);
        for (String field : fields) {
            String column = field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
            Integer size = columns.get(column);
            assertNotNull(size, "form field " + field + " has no column " + column + " in checkout_session: " + columns);
            assertTrue(STORED.containsKey(field), "no check of how " + field + " is stored");

            String atLimit = valueOfLength(field, size);
            if (atLimit != null) {
                Shopper shopper = atDetails();
                Shopper.Page answer = shopper.submit("form[action='/checkout/details']", form(field, atLimit), null);
                assertEquals(303, answer.status(), field + " at " + size);
                assertTrue(answer.location().endsWith("/checkout/review"),
                        field + " of " + size + " characters (its column's size) was refused: " + errorsOn(shopper));
                assertEquals(stored(field, atLimit), STORED.get(field).apply(Checkouts.session(shopper).payer()),
                        field + " at its column's size is stored intact");
            }

            Shopper shopper = atDetails();
            String over = overLimit(field, size);
            Shopper.Page answer = shopper.submit("form[action='/checkout/details']", form(field, over), null);
            assertEquals(303, answer.status(), field + " one over its column's size " + size + " answered " + answer.status()
                    + " (a field error is a 303 back to the form)");
            assertTrue(answer.location().endsWith("/checkout/details"), field + " one over " + size + " was accepted");
            Shopper.Page page = shopper.follow(answer);
            Element error = page.document().getElementById(field + "-error");
            assertNotNull(error, field + " one over its column's size has no field error: " + errorsOn(shopper));
            CheckoutSession session = Checkouts.session(shopper);
            assertFalse(session.payer().termsAccepted(), field + " over its limit saved the details");
            assertNull(STORED.get(field).apply(session.payer()), field + " over its limit was stored");
        }
    }

    /** An otherwise valid form with one field replaced. */
    private static Map<String, String> form(String field, String value) {
        Map<String, String> fields = new HashMap<>(Checkouts.payer("limits@example.com"));
        fields.put("mobile", "912 34 567");
        fields.put("street", "Storgata 1");
        fields.put("city", "Oslo");
        fields.put("paymentOption", "invoice");
        fields.put(field, value);
        return fields;
    }

    /** A value of exactly {@code n} characters that every other rule of the field accepts; null if there is none. */
    static String valueOfLength(String field, int n) {
        return switch (field) {
            // Non-ASCII on purpose: the size counts characters, not bytes, in H2 and PostgreSQL alike.
            case "firstName", "lastName", "street", "city" -> "Åsbjørn Ødegård Wiik ".repeat(n).substring(0, n - 1) + "e";
            case "email" -> {
                int local = Math.min(64, n - 5);
                yield "a".repeat(local) + "@" + "b".repeat(n - local - 4) + ".no";
            }
            // Stored in E.164 (at most 16 characters): a typed number padded with spaces to the column's size.
            case "mobile" -> n < 14 ? null : "+47" + " ".repeat(n - 13) + "912 34 567";
            // Only four digits are a postal code: no longer value is valid.
            case "postalCode" -> n == 4 ? "0150" : null;
            default -> throw new AssertionError("no value for " + field);
        };
    }

    /** One character over the column's size, otherwise as valid as the field allows. */
    static String overLimit(String field, int n) {
        return switch (field) {
            case "mobile" -> "+47" + "9".repeat(n - 2);
            case "postalCode" -> "0".repeat(n + 1);
            default -> valueOfLength(field, n + 1);
        };
    }

    /** What the column holds for an accepted value. */
    private static String stored(String field, String value) {
        return switch (field) {
            case "mobile" -> "+4791234567";
            case "email" -> value.toLowerCase(java.util.Locale.ROOT);
            default -> value.trim();
        };
    }

    private static String errorsOn(Shopper shopper) {
        Shopper.Page page = shopper.page().location() == null ? shopper.page() : shopper.follow(shopper.page());
        return page.document().select(".field__error").eachText().toString();
    }

    private static Shopper atDetails() {
        Shopper shopper = new Shopper();
        shopper.open(OFFER);
        shopper.submitAndFollow("form[action='" + OFFER + "']", Map.of("paymentOption", "invoice"), "mode=guest");
        return shopper;
    }

    /** Column name (lower case) → maximum characters, for the text columns of a table of the database under test. */
    static Map<String, Integer> columnSizes(String table) throws SQLException {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        try (Connection db = Arc.container().instance(DataSource.class).get().getConnection();
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select lower(column_name), character_maximum_length"
                        + " from information_schema.columns where lower(table_name) = '" + table + "'"
                        + " and character_maximum_length is not null")) {
            while (rs.next()) {
                sizes.put(rs.getString(1), rs.getInt(2));
            }
        }
        return sizes;
    }
}
