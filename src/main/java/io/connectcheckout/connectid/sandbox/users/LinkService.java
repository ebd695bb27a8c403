package io.connectcheckout.connectid.sandbox.users;

import io.connectcheckout.connectid.sandbox.Secrets;
import io.connectcheckout.connectid.sandbox.oauth.OAuthService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The set-password and login links: look one up, and consume it exactly once. */
@ApplicationScoped
public class LinkService {

    /** What a link page shows. {@code usable} is false for a used or expired link. */
    public record LinkView(String kind, String clientName, String credential, String returnUrl, String errorUrl,
            boolean usable) {
    }

    /** The outcome of consuming a link: where to go, and the new login session cookie. */
    public record Consumed(String returnUrl, String sessionCookie) {
    }

    private final Clock clock;
    private final OAuthService oauth;

    public LinkService(@SandboxTime Clock clock, OAuthService oauth) {
        this.clock = clock;
        this.oauth = oauth;
    }

    @Transactional
    public Optional<LinkView> view(String raw) {
        return find(raw).map(l -> new LinkView(l.kind, l.client.name, l.user.email != null ? l.user.email : l.user.mobile,
                l.returnUrl, l.errorUrl, l.usable(clock.instant())));
    }

    /**
     * Consumes the link (a conditional update, so two concurrent clicks cannot both win), sets the
     * password for a set-password link, and logs the browser in. Empty when the link is unusable.
     */
    @Transactional
    public Optional<Consumed> consume(String raw, String newPassword) {
        Optional<OneTimeLink> found = find(raw);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OneTimeLink link = found.get();
        Instant now = clock.instant();
        if (!link.usable(now)) {
            return Optional.empty();
        }
        int won = OneTimeLink.update("usedAt = ?1 where id = ?2 and usedAt is null", now, link.id);
        if (won != 1) {
            return Optional.empty();
        }
        if (OneTimeLink.SET_PASSWORD.equals(link.kind)) {
            link.user.setPassword(newPassword);
        }
        return Optional.of(new Consumed(link.returnUrl, oauth.startLoginSession(link.user.id)));
    }

    private static Optional<OneTimeLink> find(String raw) {
        if (raw == null || raw.length() < 20 || raw.length() > 100) {
            return Optional.empty();
        }
        return OneTimeLink.find("tokenHash", Secrets.sha256Hex(raw)).firstResultOptional();
    }
}
