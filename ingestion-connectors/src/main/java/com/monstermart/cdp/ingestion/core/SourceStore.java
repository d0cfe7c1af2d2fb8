package com.monstermart.cdp.ingestion.core;

import java.util.List;
import java.util.Optional;

/** Where source definitions are kept (PostgreSQL in the service; in memory in tests). */
public interface SourceStore {
    List<StoredSource> list();

    Optional<StoredSource> find(String id);

    /**
     * Adds a source.
     *
     * @throws IngestionException {@link ErrorCode#SOURCE_EXISTS}, or when the write key is another source's
     */
    StoredSource create(StoredSource source);

    /**
     * Replaces a source if its version is still {@code expectedVersion}; the stored version is one higher.
     *
     * @throws IngestionException {@link ErrorCode#SOURCE_NOT_FOUND}, or {@link ErrorCode#UNSUPPORTED_OPERATION}
     *     when someone else changed it meanwhile
     */
    StoredSource update(StoredSource source, long expectedVersion);

    /** Removes a source; false when there was none. */
    boolean delete(String id);
}
