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

/** An authorization code (stored as its SHA-256), single use, short-lived, bound to client, redirect URI and PKCE challenge. */
@Entity
@Table(name = "cid_auth_code")
public class AuthCode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String codeHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id")
    public CidClient client;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    public CidUser user;

    public String redirectUri;

    public String codeChallenge;

    public Instant expiresAt;

    public Instant usedAt;

    /** Marks the code used; false when it was used before (a replay). */
    public boolean use(Instant now) {
        if (usedAt != null) {
            return false;
        }
        usedAt = now;
        return true;
    }
}
