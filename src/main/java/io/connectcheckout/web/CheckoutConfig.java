package io.connectcheckout.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of the checkout itself (prefix {@code checkout}). Listed in the README's configuration table. */
@ConfigMapping(prefix = "checkout")
public interface CheckoutConfig {

    /** Public origin of this checkout, e.g. {@code https://checkout.example.no}; used in return URLs. */
    @WithName("public-url")
    String publicUrl();

    /**
     * Key that signs the checkout references carried in return URLs. Empty by default: then the
     * checkout generates one at its first start and keeps it in the database
     * ({@link SigningKeyStore}).
     */
    @WithName("signing-key")
    java.util.Optional<String> signingKey();

    /**
     * How long one step may hold a ConnectID call that must not run twice (Register order, Assign
     * user) before another step may try again. Longer than the slowest such call with its retries
     * (ConnectIdCalls: 8 s timeout, 3 attempts only when nothing arrived); after a crash or an
     * unanswered call, the checkout waits this long before it registers again.
     */
    @WithName("step-lease")
    @WithDefault("PT60S")
    java.time.Duration stepLease();

    /** The job that finishes checkouts left between steps. */
    Reconciliation reconciliation();

    /** The checkout's own e-mails (the order confirmation), sent from an outbox. */
    Mail mail();

    /** Limits on checkout POSTs per minute (read by {@link RateLimits}). */
    @WithName("rate-limit")
    RateLimit rateLimit();

    /** Browser-facing settings. */
    Web web();

    /** Lifetimes of a shopper's hold on a checkout. */
    Session session();

    /** How long the signed links the checkout hands out keep working. */
    @WithName("signed-links")
    SignedLinks signedLinks();

    /** The demo publisher seeded on an empty database. */
    @WithName("demo-publisher")
    DemoPublisher demoPublisher();

    interface Web {
        /**
         * True when served over https (always in production): cookies get {@code Secure} and the
         * {@code __Host-} prefix, and responses carry HSTS.
         */
        @WithDefault("false")
        boolean secure();
    }

    interface Mail {
        /** How often due e-mails are sent (a scheduler interval such as {@code 2s}). */
        @WithDefault("2s")
        String every();
    }

    interface Reconciliation {
        /** A checkout idle this long between steps is picked up. */
        @WithName("stuck-after")
        @WithDefault("PT2M")
        java.time.Duration stuckAfter();

        /** How often the job runs ({@code off} disables it). */
        @WithDefault("60s")
        String every();

        /** How long after start-up the job runs first. */
        @WithDefault("30s")
        String delay();
    }

    interface RateLimit {
        @WithName("per-address-per-minute")
        @WithDefault("120")
        long perAddressPerMinute();

        @WithName("per-session-per-minute")
        @WithDefault("30")
        long perSessionPerMinute();
    }

    interface Session {
        /** A checkout untouched this long (and not waiting for a payment) is forgotten by the browser. */
        @WithName("idle-timeout")
        @WithDefault("PT2H")
        java.time.Duration idleTimeout();

        /** No checkout outlives this, counted from its start. */
        @WithName("absolute-timeout")
        @WithDefault("PT24H")
        java.time.Duration absoluteTimeout();
    }

    interface SignedLinks {
        /**
         * The returns from ConnectID and the payment provider: the payment's own lifetime at the
         * provider (30 minutes in the payment sandbox) plus a margin for a slow way back.
         */
        @WithName("return-lifetime")
        @WithDefault("PT1H")
        java.time.Duration returnLifetime();

        /**
         * The receipt link of a return without the cookie: as long as the right of withdrawal
         * (14 days), when a shopper most likely looks again; the order confirmation e-mail is the
         * lasting copy.
         */
        @WithName("receipt-lifetime")
        @WithDefault("P14D")
        java.time.Duration receiptLifetime();
    }

    interface DemoPublisher {
        /** Seed the "demo" publisher when no publisher exists yet. */
        @WithDefault("true")
        boolean enabled();
    }
}
