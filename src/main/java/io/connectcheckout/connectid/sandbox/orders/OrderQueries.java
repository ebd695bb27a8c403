package io.connectcheckout.connectid.sandbox.orders;

import io.connectcheckout.connectid.api.OrderStatus;
import io.connectcheckout.connectid.api.OrderStatusList;
import io.connectcheckout.connectid.api.SearchOrderRequest;
import io.connectcheckout.connectid.sandbox.ApiException;
import io.connectcheckout.connectid.sandbox.oauth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;

/** Reads orders for the Order API's status and search endpoints (connectid-api-notes.md §2.7). */
@ApplicationScoped
public class OrderQueries {

    /** List order status – client mode: one order of the calling client. */
    @Transactional
    public OrderStatusList clientStatus(Caller caller, String orderId) {
        SandboxOrder order = OrderService.owned(caller, OrderService.parseId(orderId));
        return new OrderStatusList(List.of(status(order, false)));
    }

    /** List orders (user mode): the user's orders, newest first. */
    @Transactional
    public OrderStatusList userOrders(Caller caller) {
        List<SandboxOrder> orders = SandboxOrder.list("user.id = ?1 order by id desc", caller.userPk());
        return new OrderStatusList(orders.stream().map(o -> status(o, false)).toList());
    }

    /**
     * Search order details (user mode): exactly one of orderId and externalOrderId. An orderId that is
     * not one of the user's orders is {@code 400 OrderNotFoundException}, as for every unknown or foreign
     * order; an externalOrderId lists the user's orders that carry it (none, one or several, notes §2.7).
     */
    @Transactional
    public OrderStatusList search(Caller caller, SearchOrderRequest request) {
        if ((request.orderId() == null) == (request.externalOrderId() == null)) {
            throw ApiException.validation("Send exactly one of orderId and externalOrderId");
        }
        if (request.externalOrderId() != null && request.externalOrderId().length() > 40) {
            throw ApiException.validation("externalOrderId must be at most 40 characters");
        }
        List<SandboxOrder> orders = request.orderId() != null
                ? SandboxOrder.list("user.id = ?1 and id = ?2", caller.userPk(), request.orderId())
                : SandboxOrder.list("user.id = ?1 and externalOrderId = ?2 order by id", caller.userPk(),
                        request.externalOrderId());
        if (request.orderId() != null && orders.isEmpty()) {
            // One order asked for by id: unknown and someone else's answer alike (docs/connectid-sandbox.md).
            throw ApiException.badRequest(OrderService.NOT_FOUND, "Order " + request.orderId() + " not found");
        }
        return new OrderStatusList(orders.stream().map(o -> status(o, true)).toList());
    }

    static OrderStatus status(SandboxOrder order, boolean withLines) {
        List<OrderStatus.Line> lines = withLines ? order.lines.stream()
                .map(l -> new OrderStatus.Line(l.product != null ? l.product : l.specCode, l.description, null, null,
                        l.unitPrice.multiply(BigDecimal.valueOf(l.quantity)), "notInvoiced", "waiting"))
                .toList() : null;
        return new OrderStatus(order.id, order.externalOrderId, order.orderTime.toEpochMilli(), order.status().wire(),
                order.orderAmount, order.customer.customerNumber, lines);
    }
}
