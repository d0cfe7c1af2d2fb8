package com.monstermart.cdp.ingestion.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** A place files are dropped: a directory or an S3-compatible bucket. */
public interface FileStore {
    /** Where, for messages (never a secret). */
    String describe();

    /** The files there now (not subdirectories). */
    List<FileEntry> list() throws IOException;

    /** The file's bytes from {@code offset} on. */
    InputStream open(FileEntry entry, long offset) throws IOException;

    /** The file's first {@code length} bytes. */
    default byte[] prefix(FileEntry entry, int length) throws IOException {
        try (InputStream in = open(entry, 0)) {
            return in.readNBytes(length);
        }
    }
}
