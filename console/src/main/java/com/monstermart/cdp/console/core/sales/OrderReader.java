package com.monstermart.cdp.console.core.sales;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.event.EcommerceEvents;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.InvalidEventException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads completed orders from {@code cdp.resolved.events} records (docs/event-contract.md: a track event named
 * {@code Order Completed} with {@code properties.order_id}, {@code currency} and {@code products[]} of {@code
 * product_id}, {@code sku}, {@code name}, {@code category}, {@code brand}, {@code price}, {@code quantity} and, for
 * the stores' receipts, a line {@code discount}). Product fields are never personal data; nothing else of the event
 * is read. Thread-safe.
 */
public final class OrderReader {
    private static final byte[] MARKER = EcommerceEvents.ORDER_COMPLETED.getBytes(StandardCharsets.UTF_8);
    private static final String UNKNOWN_PRODUCT = "(unknown product)";

    private final LiveSalesRules rules;

    public OrderReader(LiveSalesRules rules) {
        this.rules = requireNonNull(rules, "rules is null");
    }

    /**
     * The completed order in a record's value; empty for every other event, for orders of excluded sources and for
     * values that are not a readable event (those are the profile store's and identity resolution's concern).
     */
    public Optional<CompletedOrder> read(byte[] value) {
        if (value == null || !contains(value, MARKER)) {
            return Optional.empty(); // most events: skipped without parsing
        }
        JsonNode root;
        try {
            root = EventJson.parse(value);
        } catch (InvalidEventException e) {
            return Optional.empty();
        }
        if (!"track".equals(root.path("type").asText())
                || !EcommerceEvents.ORDER_COMPLETED.equals(root.path("event").asText())) {
            return Optional.empty();
        }
        String sourceId = root.path("context").path("source").path("id").asText("");
        String messageId = root.path("messageId").asText("");
        Optional<Instant> occurredAt = instant(root.path("timestamp"));
        if (sourceId.isEmpty() || messageId.isEmpty() || occurredAt.isEmpty() || !rules.counts(sourceId)) {
            return Optional.empty();
        }
        JsonNode properties = root.path("properties");
        String orderId = text(properties.path("order_id"));
        String orderKey = orderId == null ? "message/" + messageId : rules.orderScope(sourceId) + "/" + orderId;
        String currency = currency(properties.path("currency"), rules.defaultCurrency());
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode product : properties.path("products")) {
            line(product, currency).ifPresent(lines::add);
        }
        if (lines.isEmpty()) {
            BigDecimal revenue = amount(properties.path("revenue"))
                    .or(() -> amount(properties.path("total")))
                    .orElse(BigDecimal.ZERO);
            lines.add(new OrderLine(CompletedOrder.NO_LINE_ITEMS, ProductInfo.UNKNOWN, 1, revenue, currency));
        }
        return Optional.of(new CompletedOrder(orderKey, sourceId, messageId, occurredAt.get(), lines));
    }

    private static Optional<OrderLine> line(JsonNode product, String orderCurrency) {
        if (!product.isObject()) {
            return Optional.empty();
        }
        long quantity = quantity(product.path("quantity"));
        if (quantity < 1) {
            return Optional.empty(); // a cancelled or returned unit is not a sale
        }
        ProductInfo info = new ProductInfo(
                text(product.path("product_id")),
                text(product.path("sku")),
                text(product.path("name")),
                text(product.path("category")),
                text(product.path("brand")));
        String key = info.sku() != null
                ? info.sku()
                : info.productId() != null ? info.productId() : info.name() != null ? info.name() : UNKNOWN_PRODUCT;
        BigDecimal revenue = amount(product.path("price"))
                .map(price -> price.multiply(BigDecimal.valueOf(quantity)))
                .map(gross -> gross.subtract(amount(product.path("discount"))
                        .filter(discount -> discount.signum() > 0)
                        .orElse(BigDecimal.ZERO)))
                .orElse(BigDecimal.ZERO);
        return Optional.of(
                new OrderLine(key, info, quantity, revenue, currency(product.path("currency"), orderCurrency)));
    }

    private static long quantity(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return 1;
        }
        Optional<BigDecimal> number = amount(node);
        if (number.isEmpty()) {
            return 1;
        }
        try {
            return number.get().longValueExact();
        } catch (ArithmeticException e) {
            return 0; // fractional units are not countable products
        }
    }

    private static Optional<BigDecimal> amount(JsonNode node) {
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(new BigDecimal(node.asText().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String currency(JsonNode node, String fallback) {
        String text = text(node);
        return text != null && text.length() == 3 ? text.toUpperCase(Locale.ROOT) : fallback;
    }

    private static String text(JsonNode node) {
        if (node.isTextual() || node.isNumber()) {
            String text = node.asText().strip();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    private static Optional<Instant> instant(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.parseInstant(node.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
