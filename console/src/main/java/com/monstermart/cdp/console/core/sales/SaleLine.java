package com.monstermart.cdp.console.core.sales;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * What the deduplicated orders contribute to one product (or to the order count) in one minute; the aggregate's
 * input, keyed by {@code productKey}.
 *
 * @param kind a product's sale, the order count, or only what the line says about its product
 * @param productKey the product ({@link OrderLine#productKey()}), or {@link SalesTotal#ALL_ORDERS}
 * @param minute minutes since the epoch of the order's timestamp
 * @param quantity units sold; for {@link Kind#ORDER} the number of orders
 * @param revenue in {@code currency}
 */
public record SaleLine(
        Kind kind,
        String productKey,
        ProductInfo product,
        long minute,
        long quantity,
        BigDecimal revenue,
        String currency) {
    public enum Kind {
        /** Units and revenue of a product. */
        SALE,
        /** One order (all its lines in one currency). */
        ORDER,
        /** An order line too old to count: it only teaches the catalogue the product's name, category and brand. */
        CATALOG
    }

    public SaleLine {
        requireNonNull(kind, "kind is null");
        requireNonNull(productKey, "productKey is null");
        requireNonNull(product, "product is null");
        requireNonNull(revenue, "revenue is null");
        requireNonNull(currency, "currency is null");
    }
}
