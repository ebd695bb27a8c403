package io.connectcheckout.web;

import io.connectcheckout.common.Cookies;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits state-changing checkout requests (starting a checkout, logging in, saving details,
 * confirming an order) per client address and per checkout session, with Bucket4j token buckets:
 * a limit a real shopper never meets, which stops scripted order placement and login abuse.
 * Over the limit: 429 with Retry-After and the translated page. Buckets live in this instance's
 * memory (behind a load balancer each instance enforces its share) and are dropped after 10
 * idle minutes.
 */
@ApplicationScoped
public class RateLimits {

    private record Entry(Bucket bucket, Instant lastSeen) {
    }

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final long configuredPerAddress;
    private final long configuredPerSession;
    private volatile long perAddress;
    private volatile long perSession;
    private final Cookies cookies;
    private final ErrorPages errorPages;

    public RateLimits(@ConfigProperty(name = "checkout.rate-limit.per-address-per-minute", defaultValue = "120") long perAddress,
            @ConfigProperty(name = "checkout.rate-limit.per-session-per-minute", defaultValue = "30") long perSession,
            Cookies cookies, ErrorPages errorPages) {
        this.configuredPerAddress = perAddress;
        this.configuredPerSession = perSession;
        this.perAddress = perAddress;
        this.perSession = perSession;
        this.cookies = cookies;
        this.errorPages = errorPages;
    }

    @ServerRequestFilter(preMatching = true, priority = 6000)
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/checkout/")) {
            return null;
        }
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        long wait = take("a:" + address, perAddress);
        Cookie session = request.getCookies().get(cookies.name("cc_session"));
        if (wait == 0 && session != null && session.getValue().length() <= 100) {
            wait = take("s:" + session.getValue(), perSession);
        }
        if (wait == 0) {
            return null;
        }
        Response page = errorPages.render(429);
        return Response.fromResponse(page).header(HttpHeaders.RETRY_AFTER, Math.max(1, wait)).build();
    }

    /** Takes one token; returns 0 when allowed, else the seconds until the next token. */
    private long take(String key, long perMinute) {
        Entry entry = buckets.compute(key, (k, old) -> new Entry(old != null ? old.bucket() : Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build(), Instant.now()));
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1;
    }

    /**
     * For tests only: other limits per minute from now on, with every bucket dropped so that the
     * next request starts counting afresh. The whole test suite shares one application and one
     * client address (127.0.0.1), so a test of the limits lowers them for itself instead of
     * starting an application of its own, and calls {@link #restoreConfiguredLimitsForTests()}
     * afterwards. Nothing outside the JVM can reach this: it is a plain method of this bean, and
     * no resource, route or configuration source calls it.
     */
    public void limitForTests(long perAddressPerMinute, long perSessionPerMinute) {
        perAddress = perAddressPerMinute;
        perSession = perSessionPerMinute;
        buckets.clear();
    }

    /** For tests only: back to the configured limits, with fresh buckets (see {@link #limitForTests}). */
    public void restoreConfiguredLimitsForTests() {
        limitForTests(configuredPerAddress, configuredPerSession);
    }

    @Scheduled(every = "10m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetIdle() {
        Instant cutoff = Instant.now().minus(Duration.ofMinutes(10));
        buckets.values().removeIf(e -> e.lastSeen().isBefore(cutoff));
    }
}
