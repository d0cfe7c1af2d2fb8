package com.monstermart.cdp.console.core.sales;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One product line of a completed order.
 *
 * @param productKey what the console counts sales by: the SKU, else the product id, else the name
 * @param quantity units, at least 1
 * @param revenue price × quantity − the line's own discount (order-level shipping, tax and discounts are not spread
 *     over lines); zero when the line has no price
 * @param currency ISO 4217 code
 */
public record OrderLine(String productKey, ProductInfo product, long quantity, BigDecimal revenue, String currency) {
    public OrderLine {
        requireNonNull(productKey, "productKey is null");
        requireNonNull(product, "product is null");
        requireNonNull(revenue, "revenue is null");
        requireNonNull(currency, "currency is null");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, not " + quantity);
        }
    }
}
