package io.connectcheckout.checkout;

import io.connectcheckout.connectid.client.ClientCredentials;
import io.connectcheckout.connectid.client.Completion;
import io.connectcheckout.connectid.client.ConnectIdGateway;
import io.connectcheckout.connectid.client.ConnectIdRejectedException;
import io.connectcheckout.connectid.client.OrderState;
import io.connectcheckout.connectid.client.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * A registered order's way to completion at ConnectID: to its fulfillment URL when the shopper
 * pays there (flows 1a/1b), or Complete order – client mode for prepaid orders and methods that
 * need no shopper (invoice, free). The outcome is only ever ConnectID's order status, read server
 * to server; the {@code fulfillmentStatus} in a return URL is a hint.
 */
@ApplicationScoped
public class Fulfillment {

    /** ConnectID payment methods completed without the shopper (Complete order – client mode). */
    static final Set<String> NON_INTERACTIVE = Set.of("invoice", "free", "sms", "other");

    private final ConnectIdGateway connectId;
    private final CheckoutStore store;
    private final ReturnUrls urls;
    private final OrderConfirmation confirmation;

    public Fulfillment(ConnectIdGateway connectId, CheckoutStore store, ReturnUrls urls, OrderConfirmation confirmation) {
        this.connectId = connectId;
        this.store = store;
        this.urls = urls;
        this.confirmation = confirmation;
    }

    /**
     * Marks the checkout completed and, in the same transaction, writes its order confirmation:
     * one move of the transition table, so the confirmation exists once, whoever completes it.
     */
    private void completed(CheckoutSession s, String how) {
        store.change(s.id(), (x, now) -> x.completed(now), CheckoutEventType.ORDER_COMPLETED, how, (x, now) -> {
            String notQueued = confirmation.queue(x, now);
            CheckoutEvent.record(x.id(), now, notQueued == null ? CheckoutEventType.CONFIRMATION_QUEUED
                    : CheckoutEventType.CONFIRMATION_NOT_SENT, notQueued);
        });
    }

    /** Whether the order needs no shopper at ConnectID's fulfillment. */
    static boolean nonInteractive(CheckoutSession s) {
        return NON_INTERACTIVE.contains(s.paymentOption().paymentMethod);
    }

    /** Sends the browser to pay the registered order at ConnectID's fulfillment. */
    Next sendToFulfillment(CheckoutSession s, ClientCredentials client) {
        URI fulfillment = connectId.fulfillmentUrl(client.clientId(), s.attempt().connectIdOrderId(),
                urls.fulfillmentReturn(s, false), urls.fulfillmentReturn(s, true));
        store.change(s.id(), (x, now) -> x.awaitingPayment(now), CheckoutEventType.SENT_TO_FULFILLMENT, null);
        return new Next.Redirect(fulfillment);
    }

    /** Back to ConnectID's fulfillment of the same order, to pay it (again, after Back). */
    Next resume(CheckoutSession s, ClientCredentials client) {
        return new Next.Redirect(connectId.fulfillmentUrl(client.clientId(), s.attempt().connectIdOrderId(),
                urls.fulfillmentReturn(s, false), urls.fulfillmentReturn(s, true)));
    }

    /** Reads the order's status after fulfillment. Empty when the state moved and the flow should look again. */
    Optional<Next> check(CheckoutSession s, ClientCredentials client) {
        OrderState order = connectId.order(client, s.attempt().connectIdOrderId());
        switch (order.status()) {
            case COMPLETED -> {
                completed(s, "verified with order status");
                return Optional.empty();
            }
            case CANCELLED -> {
                store.change(s.id(), (x, now) -> {
                    x.cancelled(now);
                    x.customerKnown(order.customerNumber(), now);
                }, CheckoutEventType.ORDER_CANCELLED, "verified with order status");
                return Optional.of(new Next.Page(Step.DETAILS));
            }
            case FAILED -> {
                store.change(s.id(), (x, now) -> {
                    x.failed(Outcome.DECLINED, now);
                    x.customerKnown(order.customerNumber(), now);
                }, CheckoutEventType.ORDER_FAILED, "verified with order status");
                return Optional.of(new Next.Page(Step.FAILED));
            }
            case PRELIMINARY -> {
                // ConnectID sends the browser back only once fulfillment has an outcome.
                return Optional.of(new Next.PaymentOpen());
            }
            default -> {
                return Optional.of(new Next.Pending());
            }
        }
    }

    /** Complete order – client mode; the order status, not the answer, says whether it is done. */
    void complete(CheckoutSession s, ClientCredentials client) {
        Completion completion;
        try {
            completion = connectId.completeOrder(client, s.attempt().connectIdOrderId());
        } catch (ConnectIdRejectedException rejected) {
            completion = new Completion(false, rejected.getMessage());
        }
        // Trust only the order status: a repeated completion may be refused although the order is done.
        OrderState order = connectId.order(client, s.attempt().connectIdOrderId());
        if (order.status() == OrderStatus.COMPLETED) {
            completed(s, "completed through the fulfillment API");
        } else if (!completion.ok()) {
            String why = completion.errorMessage();
            store.change(s.id(), (x, now) -> {
                x.failed(Outcome.COMPLETION_REFUSED, now);
                x.customerKnown(order.customerNumber(), now);
            }, CheckoutEventType.ORDER_COMPLETION_REFUSED, why);
        }
    }
}
