package com.monstermart.cdp.console.core.platform;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A source of the ingestion service as the Operations screen shows it (from {@code GET /api/ingestion/sources}).
 *
 * @param state what it is doing (RUNNING, FAILING, PAUSED, ...)
 * @param desiredState what its operator asked for (ACTIVE or PAUSED)
 * @param lagMillis how far behind the source it is, -1 when unknown
 * @param eventsPerSecond over the last 10 seconds
 * @param events events written since the service started
 * @param deadLetters rows sent to the dead-letter topic since the service started
 * @param errors connector errors since the service started
 * @param lastError the last error message (the service keeps personal data out of it)
 */
public record SourceSummary(
        String id,
        String kind,
        String description,
        String state,
        String desiredState,
        long lagMillis,
        double eventsPerSecond,
        long events,
        long deadLetters,
        long errors,
        Instant lastEventAt,
        String lastError,
        Instant failingSince) {
    public SourceSummary {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(state, "state is null");
    }
}
