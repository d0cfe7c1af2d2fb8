package com.monstermart.cdp.profile.core;

import java.util.Map;

/**
 * Where the batch processor puts table changes; the Iceberg writer commits them once per batch. Deletes apply to
 * rows committed by earlier batches only (Iceberg equality-delete semantics), never to rows appended in the same
 * batch.
 */
public interface RowSink {
    /** Adds a row to its table. */
    void append(Row row);

    /**
     * Deletes the rows of a table whose equality columns equal {@code key} (every equality column of the table
     * must be present).
     */
    void delete(String table, Map<String, Object> key);
}
