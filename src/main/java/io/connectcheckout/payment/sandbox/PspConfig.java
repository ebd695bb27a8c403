package io.connectcheckout.payment.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the payment sandbox (prefix {@code sandbox.psp}); listed in {@code docs/payment-sandbox.md}. */
@ConfigMapping(prefix = "sandbox.psp")
public interface PspConfig {

    /** Public origin of the sandbox, used in the hosted page's redirect URL (default: the local origin). */
    @WithName("public-url")
    @WithDefault("http://localhost:${quarkus.http.port:8080}")
    String publicUrl();

    /** How long a shopper has to complete a payment before it becomes EXPIRED. */
    @WithName("payment-ttl")
    @WithDefault("30m")
    Duration paymentTtl();

    /** How often the expiry job looks for payments past their time. */
    @WithName("expiry-every")
    @WithDefault("30s")
    String expiryEvery();

    /** Callback delivery. */
    Callbacks callbacks();

    /** The merchant seeded for the ConnectID sandbox (fulfillment). */
    @WithName("connectid")
    Merchant connectId();

    /** The merchant seeded for the demo publisher (prepaid flows of the checkout). */
    Merchant demo();

    interface Callbacks {
        /** How often the worker looks for callbacks to send. */
        @WithDefault("5s")
        String every();

        /** Wait before the second attempt; doubles with every further attempt. */
        @WithName("initial-backoff")
        @WithDefault("10s")
        Duration initialBackoff();

        /** The longest wait between two attempts. */
        @WithName("max-backoff")
        @WithDefault("1h")
        Duration maxBackoff();

        /** Attempts before a callback is given up (with the defaults, about a day of retries). */
        @WithName("max-attempts")
        @WithDefault("30")
        int maxAttempts();

        /** Connect and read timeout of one delivery. */
        @WithDefault("5s")
        Duration timeout();

        /** Callbacks one worker run claims at most. */
        @WithName("batch-size")
        @WithDefault("20")
        int batchSize();
    }

    interface Merchant {
        /** Shown to shoppers on the hosted page. */
        String name();

        /** The API key (Bearer); stored only as its SHA-256. */
        @WithName("api-key")
        String apiKey();

        /** The secret callbacks are signed with. */
        @WithName("callback-secret")
        String callbackSecret();

        /** Hosts the shopper may be returned to; default: the host of {@link PspConfig#publicUrl()}. */
        @WithName("return-hosts")
        Optional<List<String>> returnHosts();

        /** Hosts callbacks may be sent to; default: the host of {@link PspConfig#publicUrl()}. */
        @WithName("callback-hosts")
        Optional<List<String>> callbackHosts();

        /** The merchant's colour on the hosted page ({@code #rrggbb}); none: the neutral look. */
        @WithName("brand-color")
        Optional<String> brandColor();

        /** Text on {@link #brandColor()} ({@code #rrggbb}). */
        @WithName("brand-text-color")
        Optional<String> brandTextColor();

        /** The merchant's customer service address, in the hosted page's footer. */
        @WithName("support-email")
        Optional<String> supportEmail();

        /** The merchant's terms, linked from the hosted page's footer. */
        @WithName("terms-url")
        Optional<String> termsUrl();

        /** The wallet's name as shoppers know it, on the wallet pages. */
        @WithName("wallet-name")
        @WithDefault("Vipps")
        String walletName();
    }
}
