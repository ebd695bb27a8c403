package io.connectcheckout.payment.sandbox.expiry;

import io.connectcheckout.payment.sandbox.events.PaymentEvents;
import io.connectcheckout.payment.sandbox.payments.PspPayment;
import io.connectcheckout.payment.sandbox.payments.PspState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * A payment still waiting for the shopper when its time is up becomes EXPIRED (with its event and
 * callback): whenever anyone looks at it (the merchant's API, the hosted page) and in the
 * background through {@link PaymentExpiryJob}.
 */
@ApplicationScoped
public class PaymentExpiry {

    private final PaymentEvents events;

    public PaymentExpiry(PaymentEvents events) {
        this.events = events;
    }

    /** Expires the payment, in the caller's transaction, if it is due. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expireIfDue(PspPayment payment) {
        if (payment.state == PspState.CREATED && !Instant.now().isBefore(payment.expiresAt)) {
            payment.expire();
            events.record(payment, "expired", payment.amountMinor, true);
        }
    }

    /** Ids of payments past their time that are still waiting for the shopper. */
    @Transactional
    public List<Long> dueForExpiry(int max) {
        return PspPayment.find("state = ?1 and expiresAt <= ?2", PspState.CREATED, Instant.now())
                .page(0, max).project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** Projection of a payment's id. */
    public record IdOnly(Long id) {
    }

    @Transactional
    public void expire(Long id) {
        PspPayment payment = PspPayment.findById(id);
        if (payment != null) {
            expireIfDue(payment);
        }
    }
}
