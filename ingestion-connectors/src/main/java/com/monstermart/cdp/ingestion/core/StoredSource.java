package com.monstermart.cdp.ingestion.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A source as the registry keeps it.
 *
 * @param spec the definition (without the write key: only its hash is kept)
 * @param desiredState active or paused
 * @param writeKeyHash SHA-256 of the HTTP write key (http sources)
 * @param origin {@code api}, or {@code file:<name>} for definitions loaded from files
 * @param originHash hash of the file content last applied (file origins)
 * @param version increases with every change
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record StoredSource(
        SourceSpec spec,
        DesiredState desiredState,
        Optional<String> writeKeyHash,
        String origin,
        Optional<String> originHash,
        long version,
        Instant createdAt,
        Instant updatedAt) {
    public StoredSource {
        requireNonNull(spec, "spec is null");
        requireNonNull(desiredState, "desiredState is null");
        requireNonNull(writeKeyHash, "writeKeyHash is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(originHash, "originHash is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    public String id() {
        return spec.id();
    }

    public StoredSource withDesiredState(DesiredState state, Instant now) {
        return new StoredSource(spec, state, writeKeyHash, origin, originHash, version, createdAt, now);
    }
}
