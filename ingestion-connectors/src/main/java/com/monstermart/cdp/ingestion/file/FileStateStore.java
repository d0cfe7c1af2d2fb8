package com.monstermart.cdp.ingestion.file;

import java.util.List;
import java.util.Optional;

/** Where file sources keep their {@link FileState}s (PostgreSQL in the service). */
public interface FileStateStore {
    Optional<FileState> find(String sourceId, String fileKey);

    /** Every file state of a source. */
    List<FileState> all(String sourceId);

    void save(FileState state);

    /** Forgets a source's files (when the source is deleted). */
    void deleteAll(String sourceId);
}
