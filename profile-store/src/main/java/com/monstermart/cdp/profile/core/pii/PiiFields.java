package com.monstermart.cdp.profile.core.pii;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.FieldRef;

/**
 * Which vault field a value of a resolved event was encrypted as: the table is the topic identity resolution wrote
 * ({@code cdp.resolved.events} by default), the column the value's JSON path in the event ({@code traits.email},
 * {@code traits.address.city}, {@code context.ip}, {@code properties.shipping_address}). The associated data binds
 * both, so the store must name a value exactly as its encrypter did.
 */
public record PiiFields(String table) {
    public static final String DEFAULT_TABLE = "cdp.resolved.events";

    public PiiFields {
        requireNonNull(table, "table is null");
    }

    public FieldRef field(String path) {
        return FieldRef.of(table, path);
    }
}
