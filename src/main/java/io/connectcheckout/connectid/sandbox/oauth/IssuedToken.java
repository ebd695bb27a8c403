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

/** An access or refresh token, stored as its SHA-256 digest. A token without a user is a client-credentials token. */
@Entity
@Table(name = "cid_token")
public class IssuedToken extends PanacheEntityBase {

    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String tokenHash;

    public String kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id")
    public CidClient client;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    public CidUser user;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "auth_code_id")
    public AuthCode authCode;

    public Instant expiresAt;

    public Instant revokedAt;

    /** When a refresh token was exchanged for a new pair (it is revoked then too); null while never used. */
    public Instant usedAt;

    public Instant createdAt;

    public boolean usable(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** A refresh token exchanged for a new pair: used, and so revoked (rotation). */
    public void use(Instant now) {
        usedAt = now;
        revoke(now);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
