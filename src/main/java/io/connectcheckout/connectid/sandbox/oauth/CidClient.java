package io.connectcheckout.connectid.sandbox.oauth;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A ConnectID client (a publisher's integration): its hashed secret, redirect URIs and return hosts. */
@Entity
@Table(name = "cid_client")
public class CidClient extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String clientId;

    public String name;

    public String secretHash;

    /** Space separated; a redirect URI must equal one of them exactly. */
    public String redirectUris;

    /** Comma separated host names that returnUrl/errorUrl may point to. */
    public String returnHosts;

    public Instant createdAt;

    /** The client's own merchant API key at the payment provider (verifies its prepaid payments); may be null. */
    public String pspApiKey;

    /** The callback secret of that merchant account. */
    public String pspCallbackSecret;

    public static Optional<CidClient> byClientId(String clientId) {
        if (clientId == null || clientId.isBlank() || clientId.length() > 100) {
            return Optional.empty();
        }
        return find("clientId", clientId).firstResultOptional();
    }

    public boolean secretMatches(String secret) {
        return secret != null && BcryptUtil.matches(secret, secretHash);
    }

    public boolean redirectUriRegistered(String uri) {
        return uri != null && Arrays.asList(redirectUris.split("\\s+")).contains(uri);
    }

    public List<String> returnHostList() {
        return Arrays.stream(returnHosts.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
    }

    /**
     * True when {@code url} is an absolute http(s) URL on one of the client's return hosts. Rejects
     * relative, scheme-relative ({@code //evil}), backslash and user-info tricks by parsing strictly.
     */
    public boolean allowsReturnUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 1000 || url.indexOf('\\') >= 0) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return false;
            }
            if (uri.getRawUserInfo() != null || uri.getHost() == null) {
                return false;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return returnHostList().stream().anyMatch(h -> h.equalsIgnoreCase(host));
        } catch (Exception e) {
            return false;
        }
    }
}
