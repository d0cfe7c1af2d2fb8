package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.EcommerceEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An order as the latest order events describe it (a row of {@code orders} and its {@code order_items}).
 *
 * @param status completed, updated, refunded or cancelled: the status of the newest order event
 * @param statusAt the timestamp of the event that set the status
 * @param orderedAt the earliest order event
 * @param updatedAt the newest order event
 * @param itemsAt the timestamp of the event that set the items (the newest carrying {@code products})
 */
public record OrderState(
        String orderId,
        String profileId,
        String status,
        Instant statusAt,
        Instant orderedAt,
        Instant updatedAt,
        String sourceId,
        String currency,
        BigDecimal revenue,
        BigDecimal total,
        BigDecimal subtotal,
        BigDecimal tax,
        BigDecimal shipping,
        BigDecimal discount,
        String coupon,
        List<OrderItem> items,
        Instant itemsAt) {
    public OrderState {
        requireNonNull(orderId, "orderId is null");
        requireNonNull(profileId, "profileId is null");
        requireNonNull(status, "status is null");
        requireNonNull(statusAt, "statusAt is null");
        requireNonNull(orderedAt, "orderedAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(sourceId, "sourceId is null");
        items = List.copyOf(requireNonNull(items, "items is null"));
    }

    /** The order status an order event sets; empty for events that are not about orders. */
    public static Optional<String> statusOf(String eventName) {
        return switch (eventName) {
            case EcommerceEvents.ORDER_COMPLETED -> Optional.of("completed");
            case EcommerceEvents.ORDER_UPDATED -> Optional.of("updated");
            case EcommerceEvents.ORDER_REFUNDED -> Optional.of("refunded");
            case EcommerceEvents.ORDER_CANCELLED -> Optional.of("cancelled");
            default -> Optional.empty();
        };
    }

    /** A new order from its first event. */
    public static OrderState first(
            String orderId,
            String profileId,
            String status,
            Instant at,
            String sourceId,
            Map<String, Object> properties) {
        OrderState empty = new OrderState(
                orderId, profileId, status, at, at, at, sourceId, null, null, null, null, null, null, null, null,
                List.of(), at);
        return empty.apply(status, at, properties);
    }

    /**
     * This order after one more order event: the newest event decides the status, the newest event that says
     * decides each amount and the items; "updated" never replaces a final status.
     */
    public OrderState apply(String eventStatus, Instant at, Map<String, Object> properties) {
        boolean newer = !at.isBefore(statusAt);
        String nextStatus = status;
        Instant nextStatusAt = statusAt;
        if (newer && !(eventStatus.equals("updated") && !status.equals("updated"))) {
            nextStatus = eventStatus;
            nextStatusAt = at;
        }
        boolean fieldsNewer = !at.isBefore(updatedAt);
        List<OrderItem> products = JsonLike.objects(properties, "products").stream()
                .map(OrderItem::from)
                .toList();
        boolean itemsNewer = !products.isEmpty() && (items.isEmpty() || !at.isBefore(itemsAt));
        return new OrderState(
                orderId,
                profileId,
                nextStatus,
                nextStatusAt,
                at.isBefore(orderedAt) ? at : orderedAt,
                at.isAfter(updatedAt) ? at : updatedAt,
                sourceId,
                field(fieldsNewer, JsonLike.text(properties, "currency"), currency),
                field(fieldsNewer, JsonLike.amount(properties, "revenue"), revenue),
                field(fieldsNewer, JsonLike.amount(properties, "total"), total),
                field(fieldsNewer, JsonLike.amount(properties, "subtotal"), subtotal),
                field(fieldsNewer, JsonLike.amount(properties, "tax"), tax),
                field(fieldsNewer, JsonLike.amount(properties, "shipping"), shipping),
                field(fieldsNewer, JsonLike.amount(properties, "discount"), discount),
                field(fieldsNewer, JsonLike.text(properties, "coupon"), coupon),
                itemsNewer ? products : items,
                itemsNewer ? at : itemsAt);
    }

    private static <T> T field(boolean newer, Optional<T> seen, T current) {
        if (seen.isEmpty()) {
            return current;
        }
        return newer || current == null ? seen.get() : current;
    }
}
