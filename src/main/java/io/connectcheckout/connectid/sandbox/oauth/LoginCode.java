package io.connectcheckout.connectid.sandbox.oauth;

import io.connectcheckout.connectid.sandbox.users.CidUser;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time login code: short-lived, single use, a few attempts only (it is just six digits), for the login that asked. */
@Entity
@Table(name = "cid_login_code")
public class LoginCode extends PanacheEntityBase {

    public static final int MAX_ATTEMPTS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String codeHash;

    /** SHA-256 of the token of the code request this code was sent for (the login that asked). */
    public String requestHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    public CidUser user;

    public Instant expiresAt;

    public Integer attempts;

    public Instant usedAt;

    /** Counts an attempt; true (and used up) when the code matches and is still good. */
    public boolean tryUse(String codeHashAttempt, Instant now) {
        if (usedAt != null || !now.isBefore(expiresAt) || attempts >= MAX_ATTEMPTS) {
            return false;
        }
        attempts = attempts + 1;
        if (!codeHash.equals(codeHashAttempt)) {
            return false;
        }
        usedAt = now;
        return true;
    }
}
