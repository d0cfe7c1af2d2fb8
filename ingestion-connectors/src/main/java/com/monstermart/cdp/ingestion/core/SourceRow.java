package com.monstermart.cdp.ingestion.core;

import java.time.Instant;
import java.util.Optional;

/** One input record of a source: a CDC change or a file row, as the mapping sees it. */
public interface SourceRow {
    /** The table ({@code public.customers}) or the file pattern's name. */
    String table();

    Operation operation();

    /** A column of the row: the after image, or the before image for a delete; null when absent or null. */
    Object value(String column);

    /** A column of the before image (updates and deletes); null when unknown. */
    Object before(String column);

    /** Whether the before image is known (PostgreSQL sends it for updates only with REPLICA IDENTITY FULL). */
    boolean beforeKnown();

    /** Where the row is in its source, for people: {@code context.source.position} and dead letters. */
    String position();

    /**
     * The stable identity of the row within its source, from which message ids are derived; by default the
     * position. Files use the content fingerprint and line instead of the name, so a renamed copy replays to the
     * same ids.
     */
    default String messageKey() {
        return position();
    }

    /** When the change happened at the source, if the source says. */
    Optional<Instant> sourceTime();

    /** The input as text, for dead letters. */
    String payload();
}
