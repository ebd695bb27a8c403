package io.connectcheckout.connectid.sandbox.users;

import io.quarkus.elytron.security.common.BcryptUtil;
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
import java.util.Optional;

/** A ConnectID user: a 32-hex id, an e-mail and/or an E.164 mobile, and a bcrypt password hash once set. */
@Entity
@Table(name = "cid_user")
public class CidUser extends PanacheEntityBase {

    /** Minimum password length on the set-password page. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String uniqueUserId;

    public String email;

    public String mobile;

    public String passwordHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    public Instant createdAt;

    /** Finds a user by an already normalised credential. */
    public static Optional<CidUser> byCredential(Credential credential) {
        return credential.isEmail()
                ? find("email", credential.value()).firstResultOptional()
                : find("mobile", credential.value()).firstResultOptional();
    }

    public boolean passwordSet() {
        return passwordHash != null;
    }

    public boolean passwordMatches(String password) {
        return passwordHash != null && password != null && BcryptUtil.matches(password, passwordHash);
    }

    public void setPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password too short");
        }
        passwordHash = BcryptUtil.bcryptHash(password);
    }
}
