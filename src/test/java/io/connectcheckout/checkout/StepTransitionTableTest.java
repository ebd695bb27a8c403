package io.connectcheckout.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectcheckout.checkout.Step.Move;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The transition table itself, without Quarkus: every (step, move) pair it lists is legal and
 * leads where the flow diagram says; every pair it does not list is refused. A move added, widened
 * or turned backwards (e.g. "paid" from COMPLETED) fails here.
 */
class StepTransitionTableTest {

    /** One row of the table as this test expects it: the steps a move is legal in, and where it leads (null: stays). */
    private record Row(Set<Step> from, Step to) {
    }

    private static final Set<Step> EDITABLE = EnumSet.of(Step.OFFER, Step.DETAILS, Step.FAILED);

    /** The legal moves, written out independently of {@link Step}. */
    private static final Map<Move, Row> EXPECTED = Map.ofEntries(
            Map.entry(Move.CHOOSE_PAYMENT_OPTION, new Row(EDITABLE, null)),
            Map.entry(Move.BEGIN_LOGIN, new Row(EDITABLE, null)),
            Map.entry(Move.LOG_IN, new Row(EDITABLE, null)),
            Map.entry(Move.SAVE_DETAILS, new Row(EDITABLE, Step.DETAILS)),
            Map.entry(Move.BEGIN_ATTEMPT, new Row(EnumSet.of(Step.DETAILS, Step.FAILED), Step.PROCESSING)),
            Map.entry(Move.REGISTER_ORDER, new Row(EnumSet.of(Step.PROCESSING, Step.PAID), null)),
            Map.entry(Move.START_PAYMENT, new Row(EnumSet.of(Step.PROCESSING), null)),
            Map.entry(Move.AWAIT_PAYMENT, new Row(EnumSet.of(Step.PROCESSING), Step.AWAITING_PAYMENT)),
            Map.entry(Move.MARK_PAID, new Row(EnumSet.of(Step.PROCESSING, Step.AWAITING_PAYMENT), Step.PAID)),
            Map.entry(Move.COMPLETE, new Row(EnumSet.of(Step.PROCESSING, Step.AWAITING_PAYMENT, Step.PAID),
                    Step.COMPLETED)),
            Map.entry(Move.ASSIGN_USER, new Row(EnumSet.of(Step.COMPLETED), null)),
            Map.entry(Move.CANCEL, new Row(EnumSet.of(Step.PROCESSING, Step.AWAITING_PAYMENT), Step.DETAILS)),
            Map.entry(Move.FAIL, new Row(EnumSet.of(Step.PROCESSING, Step.AWAITING_PAYMENT), Step.FAILED)),
            Map.entry(Move.REFUND_AFTER_REFUSAL, new Row(EnumSet.of(Step.PAID), Step.FAILED)),
            Map.entry(Move.RECORD_REFUND, new Row(EnumSet.of(Step.FAILED), null)));

    @Test
    void everyPairTheTableListsIsLegalAndEveryOtherIsRefused() {
        assertEquals(EnumSet.allOf(Move.class), EnumSet.copyOf(EXPECTED.keySet()), "every move is written out here");
        int legal = 0;
        for (Move move : Move.values()) {
            Row expected = EXPECTED.get(move);
            for (Step from : Step.values()) {
                boolean listed = expected.from().contains(from);
                assertEquals(listed, from.allows(move), move + " from " + from);
                if (listed) {
                    legal++;
                    Step to = expected.to() == null ? from : expected.to();
                    assertEquals(to, from.after(move), move + " from " + from);
                }
            }
        }
        assertEquals(30, legal, "legal (step, move) pairs");
    }

    @Test
    void nothingLeavesCompletedExceptAssigningTheUser() {
        for (Move move : Move.values()) {
            if (move != Move.ASSIGN_USER) {
                assertFalse(Step.COMPLETED.allows(move), move + " from COMPLETED");
            }
        }
    }

    @Test
    void aSessionRefusesAMoveTheTableDoesNotList() {
        CheckoutSession completed = sessionIn(Step.COMPLETED);
        java.time.Instant now = java.time.Instant.parse("2026-11-29T12:00:00Z");
        assertThrows(IllegalStepException.class, () -> completed.paid(now), "paid after completed");
        assertThrows(IllegalStepException.class, () -> completed.beginAttempt(now), "a new attempt after completed");
        assertThrows(IllegalStepException.class, () -> completed.cancelled(now), "cancelled after completed");
        assertEquals(Step.COMPLETED, completed.step(), "a refused move changes nothing");

        CheckoutSession offer = sessionIn(Step.OFFER);
        assertThrows(IllegalStepException.class, () -> offer.beginAttempt(now), "confirm before the details");
        assertThrows(IllegalStepException.class, () -> offer.completed(now), "completed before an attempt");
        assertTrue(offer.step() == Step.OFFER);
    }

    /** A session walked to {@code step} through its own legal moves (an invoice checkout). */
    private static CheckoutSession sessionIn(Step step) {
        java.time.Instant t = java.time.Instant.parse("2026-11-29T12:00:00Z");
        io.connectcheckout.publisher.PaymentOption invoice = new io.connectcheckout.publisher.PaymentOption();
        invoice.code = "invoice";
        invoice.paymentMethod = "invoice";
        CheckoutSession s = CheckoutSession.start("hash", "CCTEST", null, null, invoice,
                PriceTerms.of(new io.connectcheckout.connectid.client.OfferTerms("Digital",
                        io.connectcheckout.common.Money.of("299.00", "NOK"), io.connectcheckout.common.Money.of("59.80", "NOK"),
                        new java.math.BigDecimal("25"), 1, "month", io.connectcheckout.common.Money.of("299.00", "NOK"), 1,
                        "month")), "en", t);
        if (step == Step.OFFER) {
            return s;
        }
        s.saveDetails(new PayerDetails("Kari", "Nordmann", "kari@example.no", null, "0150", null, null, true), t);
        s.beginAttempt(t);
        s.orderRegistered(42L, t);
        s.completed(t);
        assertEquals(step, s.step());
        return s;
    }
}
