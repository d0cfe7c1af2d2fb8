package com.monstermart.cdp.console.core.sales;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * An {@code Order Completed} event as live sales count it.
 *
 * @param orderKey the order's scope and id ({@code shop/MM-1001}), or {@code message/<messageId>} without an order id
 * @param sourceId the source that reported it ({@code context.source.id})
 * @param messageId the event's message id (repeats of it count once)
 * @param occurredAt the event's timestamp: the minute it is counted in
 * @param lines its product lines; an order without any has one line of {@link #NO_LINE_ITEMS} carrying its revenue
 */
public record CompletedOrder(
        String orderKey, String sourceId, String messageId, Instant occurredAt, List<OrderLine> lines) {
    /** The product key of an order that lists no products. */
    public static final String NO_LINE_ITEMS = "(no line items)";

    public CompletedOrder {
        requireNonNull(orderKey, "orderKey is null");
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(messageId, "messageId is null");
        requireNonNull(occurredAt, "occurredAt is null");
        lines = List.copyOf(requireNonNull(lines, "lines is null"));
    }
}
