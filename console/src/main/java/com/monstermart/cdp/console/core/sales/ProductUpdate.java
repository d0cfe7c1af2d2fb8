package com.monstermart.cdp.console.core.sales;

import static java.util.Objects.requireNonNull;

/** The catalogue learned more about a product. */
public record ProductUpdate(String productKey, ProductInfo product) implements BoardUpdate {
    public ProductUpdate {
        requireNonNull(productKey, "productKey is null");
        requireNonNull(product, "product is null");
    }
}
