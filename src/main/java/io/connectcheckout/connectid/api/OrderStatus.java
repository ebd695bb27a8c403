package io.connectcheckout.connectid.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * One order's status. {@code orderStatus} is {@code preliminary}, then (our choice) {@code completed},
 * {@code cancelled} or {@code failed}. {@code orderLines} only in Search order details.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderStatus(Long orderId, String externalOrderId, @WireTime Long orderTime, String orderStatus,
        BigDecimal orderAmount, Long customerNumber, List<Line> orderLines) {

    /** An order line as Search order details reports it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String productId, String description, String invoiceNumber, @WireTime Long invoiceTime,
            BigDecimal invoiceLineAmount, String invoiceStatus, String deliveryStatus) {
    }
}
