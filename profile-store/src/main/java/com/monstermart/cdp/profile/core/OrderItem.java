package com.monstermart.cdp.profile.core;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One line of an order ({@code properties.products[]}); every field but the quantity may be null.
 *
 * @param quantity 1 when the event did not say
 */
public record OrderItem(
        String productId,
        String sku,
        String name,
        String category,
        String brand,
        String variant,
        BigDecimal price,
        int quantity) {
    public static OrderItem from(Map<String, Object> product) {
        return new OrderItem(
                JsonLike.text(product, "product_id").orElse(null),
                JsonLike.text(product, "sku").orElse(null),
                JsonLike.text(product, "name").orElse(null),
                JsonLike.text(product, "category").orElse(null),
                JsonLike.text(product, "brand").orElse(null),
                JsonLike.text(product, "variant").orElse(null),
                JsonLike.amount(product, "price").orElse(null),
                JsonLike.integer(product, "quantity").orElse(1));
    }

    /** price × quantity, or null without a price. */
    public BigDecimal lineTotal() {
        return price == null ? null : JsonLike.toCents(price.multiply(BigDecimal.valueOf(quantity)));
    }
}
