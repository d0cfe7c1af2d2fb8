package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The identifiers one event carries: the unit of deterministic resolution. {@code messageId} makes resolving it
 * idempotent; duplicates among the identifiers are dropped.
 */
public record Observation(String messageId, Instant timestamp, String source, List<Identifier> identifiers) {
    public Observation {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(source, "source is null");
        requireNonNull(identifiers, "identifiers is null");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("messageId is blank");
        }
        identifiers = List.copyOf(new ArrayList<>(new LinkedHashSet<>(identifiers)));
    }

    public static Observation of(String messageId, Instant timestamp, String source, Identifier... identifiers) {
        return new Observation(messageId, timestamp, source, List.of(identifiers));
    }
}
