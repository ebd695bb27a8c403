package io.connectcheckout.connectid.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the ConnectID sandbox (prefix {@code sandbox.connectid}). The whole sandbox is
 * switched by {@code sandbox.enabled}; these tune it. Listed in {@code docs/connectid-sandbox.md}.
 */
@ConfigMapping(prefix = "sandbox.connectid")
public interface ConnectIdSandboxConfig {

    /**
     * Public origin of the sandbox itself, e.g. {@code https://connectid-sandbox.example.no}: the
     * links it sends (set password, log in) and its return address from the payment provider.
     */
    @WithDefault("http://localhost:${quarkus.http.port:8080}")
    String publicUrl();

    /** Lifetime of access tokens (ConnectID: 12 hours). */
    @WithDefault("PT12H")
    Duration accessTokenLifetime();

    /** Lifetime of refresh tokens (ConnectID: 30 days). */
    @WithDefault("P30D")
    Duration refreshTokenLifetime();

    /** Lifetime of an authorization code, from the redirect to its exchange. */
    @WithDefault("PT2M")
    Duration authCodeLifetime();

    /** How long a browser stays logged in to the login server (its cookie). */
    @WithDefault("PT12H")
    Duration loginSessionLifetime();

    /** Value of the {@code X-Mediaconnect-Api-Version} header on every Order API response. */
    @WithDefault("connectid-sandbox-1")
    String apiVersion();

    /** Per-client rate limits of the Order API. */
    RateLimit rateLimit();

    /**
     * The sandbox's merchant account at the payment provider (seeded by the payment sandbox). The
     * provider's address is the sandbox's own REST client, {@code quarkus.rest-client.connectid-sandbox-psp.url}.
     */
    Payment payment();

    /** The demo client seeded on an empty sandbox: its addresses and its own merchant account at the payment provider. */
    DemoClient demoClient();

    interface DemoClient {
        /** Redirect URIs registered for the demo client (the checkout's login callback), matched exactly. */
        @WithDefault("http://localhost:${quarkus.http.port:8080}/checkout/auth/callback")
        List<String> redirectUris();

        /** Hosts the demo client's returnUrl and errorUrl may point to. */
        @WithDefault("localhost,demo.connectcheckout.io")
        List<String> returnHosts();

        /** API key of the demo publisher's merchant (the payment sandbox seeds {@code psp_test_demo_key}). */
        @WithDefault("psp_test_demo_key")
        String pspApiKey();

        /** Callback secret of that merchant. */
        @WithDefault("whsec_demo")
        String pspCallbackSecret();
    }

    /** E-mail and SMS sent by Assign user. */
    Messages messages();

    /** How SMS leave the sandbox. */
    Sms sms();

    /** The message outbox worker. */
    Outbox outbox();

    interface Outbox {
        /** How often due messages are sent (a Quarkus scheduler interval such as {@code 2s}). */
        @WithDefault("2s")
        String every();
    }

    interface RateLimit {
        /** Calls per second per client. */
        @WithDefault("100")
        int perSecond();

        /** Calls per minute per client. */
        @WithDefault("2000")
        int perMinute();
    }

    interface Payment {
        /** API key of the sandbox's merchant account. */
        @WithDefault("psp_test_connectid_key")
        String apiKey();

        /** Secret the payment provider signs callbacks with. */
        @WithDefault("whsec_connectid_sandbox")
        String callbackSecret();
    }

    interface Messages {
        /** Language of the e-mails and SMS ({@code nb} or {@code en}). */
        @WithDefault("nb")
        String locale();

        /** Link lifetime in hours when Assign user sends none. */
        @WithDefault("24")
        int defaultLinkLifetimeHours();

        /** Upper bound for {@code linkLifetime}, in hours. */
        @WithDefault("720")
        int maxLinkLifetimeHours();

        /** Attempts before a message is given up (marked failed). */
        @WithDefault("5")
        int maxAttempts();
    }

    interface Sms {
        /** {@code file} (log + append to {@link #file()}) or {@code http} (POST to {@link #gatewayUrl()}). */
        @WithDefault("file")
        String sender();

        /** File the {@code file} sender appends one line per SMS to. */
        @WithDefault("data/connectid-sms.log")
        String file();

        /** URL of the SMS gateway for the {@code http} sender; it receives {@code {"to","text"}} as JSON. */
        Optional<String> gatewayUrl();

        /** Bearer token for the SMS gateway, if it needs one. */
        Optional<String> gatewayToken();
    }
}
