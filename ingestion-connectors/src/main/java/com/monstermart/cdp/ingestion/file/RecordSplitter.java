package com.monstermart.cdp.ingestion.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into records: lines, or CSV records whose quoted fields may span lines. Keeps byte offsets
 * and line numbers so reading can resume exactly after the last acknowledged record. An unterminated last record
 * is left unread unless the stream is complete (a growing file's last line may still be being written).
 */
final class RecordSplitter {
    /** Records longer than this are refused (a missing closing quote would otherwise swallow the file). */
    static final int MAX_RECORD = 16 << 20;

    private final InputStream in;
    private final boolean quoted;
    private final boolean emitTail;
    private byte[] buffer = new byte[1 << 20];
    private int position;
    private int limit;
    private boolean eof;
    private long bufferOffset;
    private long nextLine;

    // the current record
    byte[] bytes;
    int start;
    int length;
    long line;
    long endOffset;
    boolean tooLong;

    /**
     * @param in the stream, positioned at {@code offset}
     * @param offset the stream's absolute byte offset
     * @param line the number of the first line it starts with (1-based)
     * @param quoted whether {@code "} quotes newlines (CSV)
     * @param emitTail whether an unterminated last record is a record (the stream is complete)
     */
    RecordSplitter(InputStream in, long offset, long line, boolean quoted, boolean emitTail) {
        this.in = in;
        this.bufferOffset = offset;
        this.nextLine = line;
        this.quoted = quoted;
        this.emitTail = emitTail;
    }

    /** Skips a UTF-8 byte-order mark at the current position. */
    void skipByteOrderMark() throws IOException {
        fill(3);
        if (limit - position >= 3
                && (buffer[position] & 0xff) == 0xEF
                && (buffer[position + 1] & 0xff) == 0xBB
                && (buffer[position + 2] & 0xff) == 0xBF) {
            position += 3;
        }
    }

    /** Advances to the next record; false at the end. */
    boolean next() throws IOException {
        tooLong = false;
        int scan = position;
        boolean inQuotes = false;
        int newlines = 0;
        while (true) {
            while (scan < limit) {
                byte b = buffer[scan];
                if (b == '\n') {
                    if (!inQuotes) {
                        int end = scan;
                        if (end > position && buffer[end - 1] == '\r') {
                            end--;
                        }
                        emit(position, end - position, scan + 1, newlines + 1);
                        return true;
                    }
                    newlines++;
                } else if (quoted && b == '"') {
                    inQuotes = !inQuotes;
                }
                scan++;
            }
            if (eof) {
                if (limit > position && emitTail) {
                    int end = limit;
                    if (buffer[end - 1] == '\r') {
                        end--;
                    }
                    emit(position, end - position, limit, newlines + 1);
                    return true;
                }
                return false;
            }
            int consumed = scan - position;
            if (consumed >= MAX_RECORD) {
                skipLongRecord();
                return true;
            }
            int relative = scan - position;
            compactAndFill();
            scan = position + relative;
        }
    }

    private void emit(int recordStart, int recordLength, int next, int lines) {
        bytes = buffer;
        start = recordStart;
        length = recordLength;
        line = nextLine;
        nextLine += lines;
        position = next;
        endOffset = bufferOffset + next;
    }

    /** A record beyond {@link #MAX_RECORD}: skip to the next newline and report it as too long. */
    private void skipLongRecord() throws IOException {
        long startLine = nextLine;
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    emit(i, 0, i + 1, 1);
                    line = startLine;
                    tooLong = true;
                    return;
                }
            }
            bufferOffset += limit;
            position = 0;
            limit = 0;
            if (eof) {
                emit(0, 0, 0, 1);
                line = startLine;
                tooLong = true;
                return;
            }
            int read = in.read(buffer, 0, buffer.length);
            if (read < 0) {
                eof = true;
            } else {
                limit = read;
            }
        }
    }

    private void compactAndFill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferOffset += position;
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_RECORD + 1024));
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }

    private void fill(int wanted) throws IOException {
        while (!eof && limit - position < wanted) {
            compactAndFill();
        }
    }

    /** Absolute offset just after the last record returned (where a resumed read starts). */
    long offset() {
        return bufferOffset + position;
    }

    /** The number of the next line. */
    long nextLine() {
        return nextLine;
    }
}
