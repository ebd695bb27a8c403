package io.connectcheckout.payment.sandbox.merchants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/** A merchant of the sandbox: its hashed API key, callback secret and registered hosts. */
@Entity
@Table(name = "psp_merchant")
public class PspMerchant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String name;

    public String apiKeyHash;

    public String callbackSecret;

    /** Comma-separated host names the browser may be sent back to. */
    public String returnHosts;

    /** Comma-separated host names callbacks may be posted to. */
    public String callbackHosts;

    public Instant createdAt;

    /** The hosted pages' colours ({@code #rrggbb}, checked before they reach a stylesheet); null: the neutral look. */
    public String brandColor;

    public String brandTextColor;

    /** Customer service, in the hosted pages' footer; null when none. */
    public String supportEmail;

    /** The merchant's terms, linked from the hosted pages' footer; null when none. */
    public String termsUrl;

    /** The wallet's name as shoppers know it ("Vipps"). */
    public String walletName;

    /** Whether {@code value} is a colour the stylesheet may carry as it is. */
    public static boolean isColor(String value) {
        return value != null && value.matches("#[0-9a-fA-F]{6}");
    }

    /**
     * SHA-256 of an API key. Keys are long random strings, not passwords, so a fast unsalted hash
     * is enough (a slow hash would only slow down every API call) and allows lookup by hash.
     */
    static String hashKey(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PspMerchant byApiKey(String apiKey) {
        return find("apiKeyHash", hashKey(apiKey)).firstResult();
    }

    public boolean allowsReturnTo(URI url) {
        return allows(returnHosts, url);
    }

    public boolean allowsCallbackTo(URI url) {
        return allows(callbackHosts, url);
    }

    private static boolean allows(String hosts, URI url) {
        if (url == null || url.getHost() == null || url.getRawUserInfo() != null) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return Arrays.stream(hosts.split(",")).map(h -> h.trim().toLowerCase(Locale.ROOT)).anyMatch(host::equals);
    }
}
