package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;

/**
 * Where a file source finds its files.
 *
 * @param directory the drop directory (watched, subdirectories ignored)
 * @param s3 an S3-compatible bucket to poll as well (optional)
 * @param pollInterval how often to look for new or grown files (default 2 s)
 * @param stableAfter how long a compressed file must stay unchanged before it is read (default 2 s); plain files
 *     are read as they grow, up to their last complete line
 * @param patterns file name patterns, first match wins
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilesSpec(
        String directory, S3Spec s3, Duration pollInterval, Duration stableAfter, List<FilePatternSpec> patterns) {
    public FilesSpec {
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        stableAfter = stableAfter == null ? Duration.ofSeconds(2) : stableAfter;
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }

    public FilesSpec redacted() {
        return new FilesSpec(directory, s3 == null ? null : s3.redacted(), pollInterval, stableAfter, patterns);
    }
}
