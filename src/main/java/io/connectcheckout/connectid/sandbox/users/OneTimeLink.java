package io.connectcheckout.connectid.sandbox.users;

import io.connectcheckout.connectid.sandbox.oauth.CidClient;
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

/** A set-password or login link sent by Assign user: single use, expiring; stored as the SHA-256 of its token. */
@Entity
@Table(name = "cid_link")
public class OneTimeLink extends PanacheEntityBase {

    public static final String SET_PASSWORD = "set_password";
    public static final String LOGIN = "login";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String tokenHash;

    public String kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    public CidUser user;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id")
    public CidClient client;

    public String returnUrl;

    public String errorUrl;

    public Instant expiresAt;

    public Instant usedAt;

    public boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Consumes the link; false if it was used or has expired. */
    public boolean use(Instant now) {
        if (!usable(now)) {
            return false;
        }
        usedAt = now;
        return true;
    }
}
