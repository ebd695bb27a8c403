package io.connectcheckout.connectid.sandbox.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer in the (simulated) Connect back office: who pays and where things are delivered. */
@Entity
@Table(name = "cid_customer")
public class Customer extends PanacheEntityBase {

    /** Customer numbers start here so they never look like order ids. */
    public static final long FIRST_NUMBER = 500_000L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long customerNumber;

    public String firstName;

    public String lastName;

    public String companyName;

    public String street;

    public String streetNumber;

    public String postalCode;

    public String postalPlace;

    public String countryCode;

    public String email;

    public String phone;

    public Instant createdAt;

    /**
     * The next customer number, from a counter row that the update locks until the transaction
     * ends: concurrent registrations wait for each other instead of colliding.
     */
    public static long nextNumber() {
        var em = getEntityManager();
        em.createNativeQuery("update cid_counter set counter_value = counter_value + 1 where name = 'customer'")
                .executeUpdate();
        return ((Number) em.createNativeQuery("select counter_value from cid_counter where name = 'customer'")
                .getSingleResult()).longValue();
    }
}
