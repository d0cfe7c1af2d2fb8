package com.monstermart.cdp.ingestion.core;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.SourceKind;

/**
 * Who a source is, for the events it produces.
 *
 * @param id registry id ({@code context.source.id})
 * @param kind connector kind
 * @param namespace identity namespace of its user ids
 */
public record SourceIdentity(String id, SourceKind kind, String namespace) {
    public SourceIdentity {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(namespace, "namespace is null");
    }

    public static SourceIdentity of(SourceSpec spec) {
        return new SourceIdentity(spec.id(), spec.kind(), spec.namespace());
    }
}
