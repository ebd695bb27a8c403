package io.connectcheckout.connectid.sandbox.users;

import io.connectcheckout.connectid.api.AssignUserRequest;
import io.connectcheckout.connectid.api.AssignUserResponse;
import io.connectcheckout.connectid.api.CheckCredentialResponse;
import io.connectcheckout.connectid.sandbox.ApiException;
import io.connectcheckout.connectid.sandbox.ConnectIdSandboxConfig;
import io.connectcheckout.connectid.sandbox.Secrets;
import io.connectcheckout.connectid.sandbox.messages.MessageComposer;
import io.connectcheckout.connectid.sandbox.oauth.Caller;
import io.connectcheckout.connectid.sandbox.oauth.CidClient;
import io.connectcheckout.connectid.sandbox.orders.SandboxOrder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Check credential and Assign user: finds or creates users, attaches orders, queues their links. */
@ApplicationScoped
public class UserService {

    public static final String ORDER_NOT_FOUND = "OrderNotFoundException";

    private final Clock clock;
    private final ConnectIdSandboxConfig config;
    private final MessageComposer composer;

    public UserService(@SandboxTime Clock clock, ConnectIdSandboxConfig config, MessageComposer composer) {
        this.clock = clock;
        this.config = config;
        this.composer = composer;
    }

    @Transactional
    public CheckCredentialResponse check(String raw) {
        Credential credential = parse(raw);
        return CidUser.byCredential(credential)
                .map(u -> new CheckCredentialResponse(credential.value(), true, u.uniqueUserId, u.passwordSet()))
                .orElse(new CheckCredentialResponse(credential.value(), false, null, false));
    }

    /**
     * Assign user – client mode. {@code languages} are the request's {@code Accept-Language}, best
     * first: the message goes out in the first the stand-in writes (en, nb), else in its configured one.
     */
    public AssignUserResponse assign(Caller caller, long orderId, AssignUserRequest request,
            java.util.List<java.util.Locale> languages) {
        // Before anything reaches the database (outside attack on issue 13, finding 7): the link's columns.
        maxLength("returnUrl", request.returnUrl(), 1000);
        maxLength("errorUrl", request.errorUrl(), 1000);
        maxLength("overrideClientId", request.overrideClientId(), 100);
        Credential credential = parse(request.credential());
        boolean send = Boolean.TRUE.equals(request.isSendMessage());
        int hours = request.linkLifetime() == null ? config.messages().defaultLinkLifetimeHours() : request.linkLifetime();
        if (hours < 1 || hours > config.messages().maxLinkLifetimeHours()) {
            throw ApiException.validation("linkLifetime must be between 1 and " + config.messages().maxLinkLifetimeHours()
                    + " hours");
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> assignInTx(caller, orderId, request, credential, send, hours, languages));
        } catch (PersistenceException raceOnNewUser) {
            // Another request created the same user a moment ago: now it exists, so attach to it.
            return QuarkusTransaction.requiringNew().call(() -> assignInTx(caller, orderId, request, credential, send, hours, languages));
        }
    }

    private AssignUserResponse assignInTx(Caller caller, long orderId, AssignUserRequest request,
            Credential credential, boolean send, int hours, java.util.List<java.util.Locale> languages) {
        SandboxOrder order = SandboxOrder.findById(orderId);
        if (order == null || !order.client.id.equals(caller.clientPk())) {
            throw ApiException.badRequest(ORDER_NOT_FOUND, "Order " + orderId + " not found");
        }
        CidClient messageClient = null;
        if (send) {
            if (request.overrideClientId() == null || request.overrideClientId().isBlank()) {
                throw ApiException.validation("overrideClientId is required when isSendMessage is true");
            }
            messageClient = CidClient.byClientId(request.overrideClientId())
                    .orElseThrow(() -> ApiException.validation("Unknown overrideClientId"));
            if (!messageClient.allowsReturnUrl(request.returnUrl())) {
                throw ApiException.validation("returnUrl is required and must be on a registered host of the client");
            }
            if (request.errorUrl() != null && !messageClient.allowsReturnUrl(request.errorUrl())) {
                throw ApiException.validation("errorUrl must be on a registered host of the client");
            }
        }
        Instant now = clock.instant();
        boolean isNew = false;
        CidUser user = CidUser.byCredential(credential).orElse(null);
        if (user == null) {
            isNew = true;
            user = new CidUser();
            user.uniqueUserId = Secrets.randomHex(16);
            if (credential.isEmail()) {
                user.email = credential.value();
            } else {
                user.mobile = credential.value();
            }
            user.createdAt = now;
            user.persist();
            user.flush();
        }
        if (order.user != null && !order.user.id.equals(user.id)) {
            throw ApiException.validation("The order is already assigned to another user");
        }
        order.user = user;
        if (user.customer == null) {
            user.customer = order.customer;
        }
        if (send) {
            String raw = Secrets.newToken() + Secrets.randomHex(8);
            OneTimeLink link = new OneTimeLink();
            link.tokenHash = Secrets.sha256Hex(raw);
            link.kind = user.passwordSet() ? OneTimeLink.LOGIN : OneTimeLink.SET_PASSWORD;
            link.user = user;
            link.client = messageClient;
            link.returnUrl = request.returnUrl();
            link.errorUrl = request.errorUrl();
            link.expiresAt = now.plus(Duration.ofHours(hours));
            link.persist();
            composer.linkMessage(credential, messageClient.name, link.kind, raw, hours, languages);
        }
        return new AssignUserResponse(order.id, user.uniqueUserId, isNew, user.passwordSet());
    }

    private static void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.validation(field + " must be at most " + max + " characters");
        }
    }

    private static Credential parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.validation("credential is required");
        }
        if (raw.length() > Credential.MAX_LENGTH) {
            throw ApiException.validation("credential must be at most " + Credential.MAX_LENGTH + " characters");
        }
        return Credential.parse(raw).orElseThrow(() -> ApiException.validation(
                "credential must be an e-mail address or a mobile number in E.164 format"));
    }
}
