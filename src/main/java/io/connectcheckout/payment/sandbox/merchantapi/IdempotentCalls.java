package io.connectcheckout.payment.sandbox.merchantapi;

import io.connectcheckout.payment.api.ErrorCodes;
import io.connectcheckout.payment.sandbox.merchants.PspMerchant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Runs a merchant's call at most once per idempotency key: the first response is stored in the
 * same transaction as its effect and replayed for the same request; the same key with another
 * request is refused. Refusals (4xx) are not stored: the transaction rolls back, nothing changed.
 */
@ApplicationScoped
public class IdempotentCalls {

    /** A stored or fresh answer: status and JSON body. */
    public record Answer(int status, String body) {
    }

    @Transactional
    public Answer run(PspMerchant merchant, String key, String fingerprint, Supplier<Answer> call) {
        PspIdempotency previous = PspIdempotency.find("merchantId = ?1 and key = ?2", merchant.id, key).firstResult();
        if (previous != null) {
            if (!previous.fingerprint.equals(fingerprint)) {
                throw new PspApiException(409, ErrorCodes.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used with a different request");
            }
            return new Answer(previous.responseStatus, previous.responseBody);
        }
        Answer answer = call.get();
        PspIdempotency row = new PspIdempotency();
        row.merchantId = merchant.id;
        row.key = key;
        row.fingerprint = fingerprint;
        row.responseStatus = answer.status();
        row.responseBody = answer.body();
        row.createdAt = Instant.now();
        row.persist();
        return answer;
    }
}
