package com.monstermart.cdp.profile.kafka;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.profile.core.BatchCounters;
import com.monstermart.cdp.profile.iceberg.IcebergBatchWriter.TableCommit;
import java.time.Instant;
import java.util.List;

/**
 * One committed batch.
 *
 * @param commits the Iceberg commits, one per changed table
 * @param tablesMillis writing and committing the Iceberg tables
 * @param hotStoreMillis the hot store transaction (in the background, overlapping the next batch's polling)
 * @param hotStoreWaitMillis how long the batch waited for the previous batch's hot-store transaction to end before
 *     its own Iceberg commit (0 when that transaction ended while the batch was polling)
 * @param batchMillis from the batch's first poll to its Kafka offset commit (which follows its hot-store commit, so
 *     it overlaps the next batch)
 */
public record BatchReport(
        Instant committedAt,
        BatchCounters counters,
        List<TableCommit> commits,
        long tablesMillis,
        long hotStoreMillis,
        long hotStoreWaitMillis,
        long batchMillis) {
    public BatchReport {
        requireNonNull(committedAt, "committedAt is null");
        requireNonNull(counters, "counters is null");
        commits = List.copyOf(commits);
    }

    public int dataFiles() {
        return commits.stream().mapToInt(TableCommit::dataFiles).sum();
    }

    public int deleteFiles() {
        return commits.stream().mapToInt(TableCommit::deleteFiles).sum();
    }
}
