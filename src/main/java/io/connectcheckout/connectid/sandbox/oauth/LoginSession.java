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

/** A browser logged in to the login server; the cookie holds the random id, the row its SHA-256. */
@Entity
@Table(name = "cid_login_session")
public class LoginSession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String sessionHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    public CidUser user;

    public Instant expiresAt;
}
