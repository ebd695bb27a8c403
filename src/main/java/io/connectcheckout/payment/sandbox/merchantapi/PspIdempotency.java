package io.connectcheckout.payment.sandbox.merchantapi;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The first response given to a merchant's idempotency key, with a fingerprint of its request. */
@Entity
@Table(name = "psp_idempotency")
public class PspIdempotency extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long merchantId;

    @Column(name = "idem_key")
    public String key;

    /** SHA-256 of method, path and the request body as parsed (so whitespace does not matter). */
    public String fingerprint;

    public int responseStatus;

    public String responseBody;

    public Instant createdAt;
}
