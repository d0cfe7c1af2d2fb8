package com.monstermart.cdp.ingestion.file;

import java.io.IOException;
import java.util.List;

/** Reads one file's records, from where the last read stopped. */
interface RecordReader extends AutoCloseable {
    /** The next record, or null at the end (of what can be read now). */
    FileRecord next() throws IOException;

    /** The CSV header once known (empty for JSON). */
    List<String> header();

    @Override
    void close() throws IOException;
}
