package io.connectcheckout.connectid.sandbox.subscriptions;

import io.connectcheckout.connectid.api.AccessRequest;
import io.connectcheckout.connectid.api.AccessResponse;
import io.connectcheckout.connectid.api.CustomerProduct;
import io.connectcheckout.connectid.sandbox.ApiException;
import io.connectcheckout.connectid.sandbox.SandboxTime;
import io.connectcheckout.connectid.sandbox.oauth.Caller;
import io.connectcheckout.connectid.sandbox.users.CidUser;
import io.connectcheckout.connectid.sandbox.users.Credential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Check access (user mode, {@code POST /v1/customer/access}, connectid-api-notes.md §2.15): every
 * field sent must match. Our choices where the reference is silent: the token names the user, so
 * {@code uniqueId}, {@code credential} and {@code customerNumber} are optional and, when sent, must
 * be the token's user's (else no access); {@code product} is checked against the grants of
 * completed orders; the sandbox sells no articles, domains, IP ranges, categories, Azure AD or aID
 * family access, so those checks always answer no access. Each check is one entry of
 * {@code accesses}: {@code accessLevel} {@code A} for a product, {@code C} for the others;
 * {@code accessType} {@code A} unlimited, {@code B} for a period, {@code D} none.
 */
@ApplicationScoped
public class AccessService {

    private static final String PRODUCT_LEVEL = "A";
    private static final String OTHER_LEVEL = "C";

    private final Clock clock;

    public AccessService(@SandboxTime Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public AccessResponse check(Caller caller, AccessRequest r) {
        boolean unsupported = r.articleId() != null || r.domain() != null || r.ip() != null || r.categoryType() != null
                || Boolean.TRUE.equals(r.accessAzureAd()) || Boolean.TRUE.equals(r.accessAidFamily());
        if (blank(r.product()) && !unsupported) {
            throw ApiException.validation(
                    "Send at least one of product, articleId, domain, ip, categoryType, accessAzureAd, accessAidFamily");
        }
        if (r.product() != null && (r.product().isBlank() || r.product().length() > 20)) {
            throw ApiException.validation("product must be 1 to 20 characters");
        }
        CidUser user = CidUser.findById(caller.userPk());
        boolean sameUser = (r.uniqueId() == null || r.uniqueId().equals(user.uniqueUserId))
                && (r.credential() == null || isUsers(user, r.credential()))
                && (r.customerNumber() == null
                        || user.customer != null && r.customerNumber().equals(user.customer.customerNumber));
        List<AccessResponse.Access> accesses = new ArrayList<>();
        if (r.product() != null) {
            String type = sameUser && user.customer != null
                    ? SubscriptionService.accessTypeNow(user.customer.id, r.product(), clock.instant())
                    : CustomerProduct.NONE;
            accesses.add(new AccessResponse.Access(!CustomerProduct.NONE.equals(type), PRODUCT_LEVEL, type));
        }
        if (unsupported) {
            accesses.add(new AccessResponse.Access(false, OTHER_LEVEL, CustomerProduct.NONE));
        }
        boolean all = accesses.stream().allMatch(AccessResponse.Access::access);
        return new AccessResponse(all, accesses);
    }

    private static boolean isUsers(CidUser user, String raw) {
        return Credential.parse(raw)
                .map(c -> c.isEmail() ? c.value().equals(user.email) : c.value().equals(user.mobile))
                .orElse(false);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
