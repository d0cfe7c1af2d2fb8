package com.monstermart.cdp.ingestion.file;

import com.monstermart.cdp.ingestion.core.SourceRow;

/**
 * One record read from a file: a row, or why it could not be read.
 *
 * @param row the row, or null when it could not be read
 * @param problem why not (a ragged CSV line, malformed JSON), or null
 * @param position where it is ({@code file=... line=...})
 * @param payload the record as text (for dead letters)
 * @param endOffset the byte offset after the record (a resumed read starts there)
 * @param records records read so far, this one included
 */
record FileRecord(SourceRow row, String problem, String position, String payload, long endOffset, long records) {}
