package com.monstermart.cdp.profile.core;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Product attributes tracked as a slowly changing dimension; every field may be null (not known).
 *
 * @param price unit price in cents precision
 * @param currency the currency of the event that set {@code price}
 */
public record ProductAttributes(
        String sku, String name, String category, String brand, String variant, BigDecimal price, String currency) {
    public static final ProductAttributes NONE = new ProductAttributes(null, null, null, null, null, null, null);

    /** The attributes of a product object of e-commerce events ({@code product_id}, {@code sku}, ...). */
    public static ProductAttributes from(Map<String, Object> product, String eventCurrency) {
        BigDecimal price = JsonLike.amount(product, "price").orElse(null);
        return new ProductAttributes(
                JsonLike.text(product, "sku").orElse(null),
                JsonLike.text(product, "name").orElse(null),
                JsonLike.text(product, "category").orElse(null),
                JsonLike.text(product, "brand").orElse(null),
                JsonLike.text(product, "variant").orElse(null),
                price,
                price == null ? null : JsonLike.text(product, "currency").orElse(eventCurrency));
    }

    /** These attributes with every known attribute of {@code newer} laid over them. */
    public ProductAttributes overlay(ProductAttributes newer) {
        return new ProductAttributes(
                pick(newer.sku, sku),
                pick(newer.name, name),
                pick(newer.category, category),
                pick(newer.brand, brand),
                pick(newer.variant, variant),
                newer.price != null ? newer.price : price,
                newer.price != null ? newer.currency : currency);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    private static <T> T pick(T newer, T older) {
        return newer != null ? newer : older;
    }
}
