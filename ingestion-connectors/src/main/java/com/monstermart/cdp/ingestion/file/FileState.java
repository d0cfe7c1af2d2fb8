package com.monstermart.cdp.ingestion.file;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * How far a file source has read one file: saved after every acknowledged batch, so a restart resumes there.
 *
 * @param sourceId the source
 * @param fileKey the file's name (or the object's key)
 * @param fingerprint SHA-256 (hex) of the file's first {@code fingerprintLength} bytes: the file's identity
 * @param fingerprintLength how many bytes the fingerprint covers (fixed when the file is first seen, at most 64 KiB)
 * @param offset bytes of the (uncompressed) content read and acknowledged
 * @param records records (data rows and the header) read and acknowledged
 * @param size the file's size when last read
 * @param header the CSV header, once read
 * @param complete whether the file is read to its end and will not grow (compressed files, JSON arrays, copies)
 * @param updatedAt when this state was saved
 */
public record FileState(
        String sourceId,
        String fileKey,
        String fingerprint,
        int fingerprintLength,
        long offset,
        long records,
        long size,
        List<String> header,
        boolean complete,
        Instant updatedAt) {
    public FileState {
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(fileKey, "fileKey is null");
        requireNonNull(fingerprint, "fingerprint is null");
        header = header == null ? List.of() : List.copyOf(header);
        requireNonNull(updatedAt, "updatedAt is null");
    }

    FileState advanced(long newOffset, long newRecords, long newSize, List<String> newHeader, Instant now) {
        return new FileState(
                sourceId,
                fileKey,
                fingerprint,
                fingerprintLength,
                newOffset,
                newRecords,
                newSize,
                newHeader,
                complete,
                now);
    }

    FileState completed(Instant now) {
        return new FileState(
                sourceId, fileKey, fingerprint, fingerprintLength, offset, records, size, header, true, now);
    }
}
