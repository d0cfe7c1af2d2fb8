package com.monstermart.cdp.ingestion.core;

import com.monstermart.cdp.event.SourceKind;
import java.time.Instant;

/**
 * A source's status for operators.
 *
 * @param id source id
 * @param kind connector kind
 * @param state what it is doing
 * @param desiredState what the operator asked for
 * @param lagMillis how far behind the source (CDC: change time to event; files: oldest unread file), -1 unknown
 * @param lastEventAt when the last event was written
 * @param eventsPerSecond over the last 10 seconds
 * @param events events written since the service started
 * @param deadLetters rows sent to the dead-letter topic since the service started
 * @param errors connector errors (connections, Kafka) since the service started
 * @param skipped rows no rule mapped
 * @param errorRate failed rows and errors over the failure window
 * @param lastError the last error message, if any
 * @param restarts connector restarts in a row
 * @param failingSince since when it is failing, if it is
 * @param version the definition's version
 */
public record SourceStatus(
        String id,
        SourceKind kind,
        SourceState state,
        DesiredState desiredState,
        long lagMillis,
        Instant lastEventAt,
        double eventsPerSecond,
        long events,
        long deadLetters,
        long errors,
        long skipped,
        double errorRate,
        String lastError,
        int restarts,
        Instant failingSince,
        long version) {}
