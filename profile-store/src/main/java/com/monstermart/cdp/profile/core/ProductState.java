package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The current version of a product's attributes (a row of {@code products} with {@code is_current}).
 *
 * @param version 1, 2, ...
 * @param validFrom the timestamp of the event that started the version
 */
public record ProductState(String productId, int version, Instant validFrom, ProductAttributes attributes) {
    public ProductState {
        requireNonNull(productId, "productId is null");
        requireNonNull(validFrom, "validFrom is null");
        requireNonNull(attributes, "attributes is null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
    }

    /**
     * The state after seeing the product at {@code at}: a new version when known attributes changed, this state when
     * nothing changed or the sighting is older than the current version (late events do not rewrite history).
     */
    public ProductState observe(ProductAttributes seen, Instant at) {
        if (at.isBefore(validFrom)) {
            return this;
        }
        ProductAttributes next = attributes.overlay(seen);
        if (next.equals(attributes)) {
            return this;
        }
        return new ProductState(productId, version + 1, at, next);
    }

    public static ProductState first(String productId, ProductAttributes seen, Instant at) {
        return new ProductState(productId, 1, at, ProductAttributes.NONE.overlay(seen));
    }
}
