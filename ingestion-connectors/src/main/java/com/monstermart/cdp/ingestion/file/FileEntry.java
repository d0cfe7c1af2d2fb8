package com.monstermart.cdp.ingestion.file;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A file in a drop location.
 *
 * @param key its name in a directory, or its object key in a bucket
 * @param size bytes
 * @param modified last modification
 */
public record FileEntry(String key, long size, Instant modified) {
    public FileEntry {
        requireNonNull(key, "key is null");
        requireNonNull(modified, "modified is null");
    }

    /** The last path segment of the key. */
    public String fileName() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }
}
