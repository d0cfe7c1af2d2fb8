package com.monstermart.cdp.ingestion.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A notification for operators: a source started or stopped failing.
 *
 * @param sourceId the source
 * @param kind failing or recovered
 * @param message what happened, for people (no personal data)
 * @param errorRate the error rate over the window
 * @param at when
 */
public record SourceAlert(String sourceId, Kind kind, String message, double errorRate, Instant at) {
    public enum Kind {
        FAILING,
        RECOVERED
    }

    public SourceAlert {
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(message, "message is null");
        requireNonNull(at, "at is null");
    }
}
