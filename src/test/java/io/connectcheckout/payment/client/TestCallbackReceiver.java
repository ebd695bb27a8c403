package io.connectcheckout.payment.client;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only merchant endpoint receiving the sandbox's callbacks the way the checkout will: verify
 * the raw bytes, de-duplicate through {@link CallbackInbox}, then apply the effect once.
 * Mode {@code flaky} answers 503 to the first two deliveries of each event.
 */
@Path("/test-only/psp-callbacks")
public class TestCallbackReceiver {

    static final String SECRET = "whsec_demo";

    /** A delivery as it arrived on the wire. */
    public record Delivery(byte[] body, String signature) {
    }

    /** Everything that arrived with a valid signature, by payment id. */
    public static final Map<String, List<Delivery>> RECEIVED = new ConcurrentHashMap<>();
    /** The receiver's "state": how often each event's effect was applied (must be once). */
    public static final Map<String, AtomicInteger> APPLIED = new ConcurrentHashMap<>();
    /** The last state applied per payment. */
    public static final Map<String, String> STATE = new ConcurrentHashMap<>();
    public static final AtomicInteger REJECTED = new AtomicInteger();
    private static final Map<String, AtomicInteger> FLAKY = new ConcurrentHashMap<>();

    private final CallbackInbox inbox;
    private final CallbackVerifier verifier = new CallbackVerifier();

    public TestCallbackReceiver(CallbackInbox inbox) {
        this.inbox = inbox;
    }

    @POST
    @Path("{mode}")
    @Consumes(MediaType.WILDCARD)
    public Response receive(@PathParam("mode") String mode, @HeaderParam("Signature") String signature, byte[] body) {
        CallbackEvent event;
        try {
            event = verifier.verify(SECRET, body, signature);
        } catch (InvalidCallbackException e) {
            REJECTED.incrementAndGet();
            return Response.status(401).build();
        }
        RECEIVED.computeIfAbsent(event.paymentId(), k -> new CopyOnWriteArrayList<>()).add(new Delivery(body, signature));
        if ("flaky".equals(mode) && FLAKY.computeIfAbsent(event.eventId(), k -> new AtomicInteger()).incrementAndGet() <= 2) {
            return Response.status(503).build();
        }
        try {
            boolean fresh = QuarkusTransaction.requiringNew().call(() -> {
                boolean isNew = inbox.recordOnce(event);
                if (isNew) {
                    // the effect, inside the inbox's transaction
                    APPLIED.computeIfAbsent(event.eventId(), k -> new AtomicInteger()).incrementAndGet();
                    STATE.put(event.paymentId(), event.stateName());
                }
                return isNew;
            });
            return Response.ok(fresh ? "applied" : "duplicate").build();
        } catch (RuntimeException e) {
            if (io.connectcheckout.web.Failures.isDuplicateKey(e)) {
                return Response.ok().build();
            }
            return Response.status(503).build();
        }
    }
}
