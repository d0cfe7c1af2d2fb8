package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * An event property copied into a column of its own in {@code events} (all properties also stay in the
 * {@code properties} JSON column). Adding one evolves the table: existing rows read null in the new column.
 *
 * @param property the property name in the event, e.g. {@code coupon}
 * @param column the column, named after the property in snake case unless configured otherwise
 */
public record PromotedProperty(String property, Column column) {
    public PromotedProperty {
        requireNonNull(property, "property is null");
        requireNonNull(column, "column is null");
        if (column.isRequired()) {
            throw new IllegalArgumentException("Promoted column %s must be optional".formatted(column.name()));
        }
    }

    public static PromotedProperty of(String property, ColumnType type) {
        return new PromotedProperty(
                property, Column.optional(snakeCase(property), type, "properties." + property + " (promoted)"));
    }

    /** {@code productSku} → {@code product_sku}, {@code Coupon Code} → {@code coupon_code}. */
    public static String snakeCase(String name) {
        String snake = name.strip()
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("[^A-Za-z0-9]+", "_")
                .toLowerCase(Locale.ROOT)
                .replaceAll("^_+|_+$", "");
        if (snake.isEmpty() || !Character.isLetter(snake.charAt(0))) {
            snake = "p_" + snake;
        }
        return snake;
    }

    /** The property's value as the column's type; null when absent or not convertible. */
    public Object valueIn(Map<String, Object> properties) {
        return switch (column.type()) {
            case STRING -> JsonLike.text(properties, property).orElse(null);
            case INT -> JsonLike.integer(properties, property).orElse(null);
            case LONG -> JsonLike.longValue(properties, property).orElse(null);
            case BOOLEAN -> JsonLike.bool(properties, property).orElse(null);
            case DECIMAL -> JsonLike.amount(properties, property).orElse(null);
            case TIMESTAMPTZ -> JsonLike.instant(properties, property).orElse(null);
            case DATE -> date(properties);
        };
    }

    private LocalDate date(Map<String, Object> properties) {
        return JsonLike.text(properties, property)
                .map(text -> {
                    try {
                        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
                    } catch (DateTimeParseException e) {
                        return null;
                    }
                })
                .orElseGet(() -> JsonLike.instant(properties, property)
                        .map(Instant::toString)
                        .map(text -> LocalDate.parse(text.substring(0, 10)))
                        .orElse(null));
    }
}
