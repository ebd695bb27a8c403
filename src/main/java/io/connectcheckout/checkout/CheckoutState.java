package io.connectcheckout.checkout;

import io.connectcheckout.publisher.Offer;
import io.connectcheckout.publisher.PaymentOption;
import io.connectcheckout.publisher.Publisher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The columns of a checkout ({@code checkout_session}) and what can be read from them. Only
 * {@link CheckoutSession}'s moves change them: the few plain fields a move writes have protected
 * setters for it; everything else changes inside its embeddable ({@link Login}, {@link Payer},
 * {@link PriceTerms}, {@link Attempt}, {@link Leases}, {@link PageNotes}).
 */
@MappedSuperclass
public abstract class CheckoutState extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** SHA-256 of the cookie value; the value itself is never stored. */
    private String tokenHash;

    /** Opaque public reference, used (signed) in return URLs and as the root of externalOrderId. */
    private String reference;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "publisher_id")
    private Publisher publisher;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "offer_id")
    private Offer offer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "payment_option_id")
    private PaymentOption paymentOption;

    @Enumerated(EnumType.STRING)
    private Step step;

    private String locale;

    // The embedded fields are protected, not private: Hibernate's bytecode enhancer fails on a private
    // @Embedded field of a mapped superclass ("Failed to enhance class", cf. HHH-13759).
    @Embedded
    protected Login login;

    @Embedded
    protected Payer payer;

    @Embedded
    protected PriceTerms terms;

    @Embedded
    protected Attempt attempt;

    @Embedded
    protected PageNotes notes;

    private Instant createdAt;
    private Instant updatedAt;

    @Embedded
    protected Leases leases;

    @Version
    private long version;

    /** This checkout's own random key for the tokens of its forms ({@link CheckoutFormTokens}); null on old rows. */
    private String formKey;

    /** The columns of a new checkout, in step OFFER. */
    protected void init(String tokenHash, String reference, Publisher publisher, Offer offer, PaymentOption option,
            PriceTerms terms, String locale, Instant now) {
        this.tokenHash = tokenHash;
        this.formKey = SessionTokens.newSessionToken();
        this.reference = reference;
        this.publisher = publisher;
        this.offer = offer;
        this.paymentOption = option;
        this.step = Step.OFFER;
        this.locale = locale;
        this.terms = terms;
        this.attempt = new Attempt();
        this.login = new Login();
        this.payer = new Payer();
        this.leases = new Leases();
        this.notes = new PageNotes();
        this.createdAt = now;
        this.updatedAt = now;
    }

    protected void step(Step next) {
        step = next;
    }

    protected void tokenHash(String hash) {
        tokenHash = hash;
    }

    protected void paymentOption(PaymentOption option) {
        paymentOption = option;
    }

    protected void touched(Instant now) {
        updatedAt = now;
    }

    public Long id() {
        return id;
    }

    String tokenHash() {
        return tokenHash;
    }

    /** The key of this checkout's form tokens: its own, or (rows older than the key) the session's token hash. */
    String formKey() {
        return formKey != null ? formKey : tokenHash;
    }

    public String reference() {
        return reference;
    }

    public Publisher publisher() {
        return publisher;
    }

    public Offer offer() {
        return offer;
    }

    /** The chosen payment option, or null before one is chosen. */
    public PaymentOption paymentOption() {
        return paymentOption;
    }

    public Step step() {
        return step;
    }

    /** The shopper's language ({@code en}, {@code nb}). */
    public String locale() {
        return locale;
    }

    /** The login (never null; its fields are null for a guest). */
    public Login login() {
        if (login == null) {
            login = new Login();
        }
        return login;
    }

    /** The payer (never null; its fields are null until entered or prefilled). */
    public Payer payer() {
        if (payer == null) {
            payer = new Payer();
        }
        return payer;
    }

    Leases leases() {
        if (leases == null) {
            leases = new Leases();
        }
        return leases;
    }

    /** The price the shopper agreed to (never null). */
    public PriceTerms terms() {
        return terms;
    }

    /** The current attempt (never null; number 0 before the first confirm). */
    public Attempt attempt() {
        if (attempt == null) {
            attempt = new Attempt();
        }
        return attempt;
    }

    PageNotes notes() {
        if (notes == null) {
            notes = new PageNotes();
        }
        return notes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public boolean loggedIn() {
        return login().accessToken() != null;
    }

    public boolean prepaid() {
        return paymentOption != null && paymentOption.prepaid;
    }

    /** Failed after the money was taken, and the refund is not confirmed yet. */
    public boolean refundPending() {
        return step == Step.FAILED && attempt().outcome() == Outcome.REFUND_PENDING;
    }

    /** Whether the attempt's order is the next thing to register at ConnectID. */
    boolean awaitsRegistration() {
        return attempt().connectIdOrderId() == null && ((step == Step.PROCESSING && !prepaid()) || step == Step.PAID);
    }

    boolean registrationClaimed(Instant now) {
        return leases().registrationClaimed(now);
    }

    boolean assignmentClaimed(Instant now) {
        return leases().assignmentClaimed(now);
    }
}
