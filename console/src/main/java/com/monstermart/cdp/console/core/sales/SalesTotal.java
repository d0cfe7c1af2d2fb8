package com.monstermart.cdp.console.core.sales;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One product's sales in one minute (or, for {@link #ALL_ORDERS}, the minute's orders).
 *
 * @param minute minutes since the epoch
 * @param product what was known of the product when the total last changed
 * @param quantity units sold; orders for {@link #ALL_ORDERS}
 * @param revenue by currency (ISO 4217 code → amount); never mixed into one sum
 * @param version grows with every change, so a reader keeps the newest of two copies
 */
public record SalesTotal(
        String productKey,
        long minute,
        ProductInfo product,
        long quantity,
        Map<String, BigDecimal> revenue,
        long version)
        implements BoardUpdate {
    /** The product key of the orders count. */
    public static final String ALL_ORDERS = "*";

    public SalesTotal {
        requireNonNull(productKey, "productKey is null");
        requireNonNull(product, "product is null");
        revenue = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(revenue, "revenue is null")));
    }

    /** The key of a minute's total in the aggregate's store: minutes first, so keys sort by time. */
    public static String storeKey(long minute, String productKey) {
        return "%010d|%s".formatted(minute, productKey);
    }

    /** The first store key of a minute (every product of that minute or later sorts after it). */
    public static String firstStoreKey(long minute) {
        return "%010d|".formatted(minute);
    }

    public String storeKey() {
        return storeKey(minute, productKey);
    }

    public boolean isOrderCount() {
        return ALL_ORDERS.equals(productKey);
    }

    /** This total after one more line; the product as now known. */
    public static SalesTotal add(SalesTotal current, SaleLine line, ProductInfo product) {
        requireNonNull(line, "line is null");
        if (current == null) {
            return new SalesTotal(
                    line.productKey(),
                    line.minute(),
                    product,
                    line.quantity(),
                    Map.of(line.currency(), line.revenue()),
                    1);
        }
        Map<String, BigDecimal> revenue = new TreeMap<>(current.revenue());
        revenue.merge(line.currency(), line.revenue(), BigDecimal::add);
        return new SalesTotal(
                current.productKey(),
                current.minute(),
                product,
                current.quantity() + line.quantity(),
                revenue,
                current.version() + 1);
    }
}
