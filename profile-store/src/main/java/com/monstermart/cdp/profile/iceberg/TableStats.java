package com.monstermart.cdp.profile.iceberg;

import com.monstermart.cdp.profile.core.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Rows, files and snapshots per table, e.g. for the demo summary and the admin API. */
public final class TableStats {
    private TableStats() {}

    /**
     * One table's numbers.
     *
     * @param rows live rows (row-level deletes applied)
     * @param lastCommitAt when the current snapshot was committed, if any
     */
    public record Stats(
            String table,
            long rows,
            long dataFiles,
            long deleteFiles,
            long totalBytes,
            int snapshots,
            Optional<Instant> lastCommitAt) {}

    /** The numbers of every table of the warehouse, in definition order. */
    public static List<Stats> of(ProfileStoreWarehouse warehouse) {
        List<Stats> stats = new ArrayList<>();
        for (TableDefinition definition : warehouse.definitions().values()) {
            stats.add(of(warehouse.table(definition.name())));
        }
        return stats;
    }

    public static Stats of(Table table) {
        table.refresh();
        Snapshot current = table.currentSnapshot();
        String name = table.name().substring(table.name().lastIndexOf('.') + 1);
        int snapshots = 0;
        for (Snapshot ignored : table.snapshots()) {
            snapshots++;
        }
        if (current == null) {
            return new Stats(name, 0, 0, 0, 0, snapshots, Optional.empty());
        }
        Map<String, String> summary = current.summary();
        long records = number(summary, SnapshotSummary.TOTAL_RECORDS_PROP);
        long deleteFiles = number(summary, SnapshotSummary.TOTAL_DELETE_FILES_PROP);
        long rows = deleteFiles == 0 ? records : countLiveRows(table);
        return new Stats(
                name,
                rows,
                number(summary, SnapshotSummary.TOTAL_DATA_FILES_PROP),
                deleteFiles,
                number(summary, SnapshotSummary.TOTAL_FILE_SIZE_PROP),
                snapshots,
                Optional.of(Instant.ofEpochMilli(current.timestampMillis())));
    }

    private static long countLiveRows(Table table) {
        String first = table.schema().columns().get(0).name();
        long count = 0;
        try (CloseableIterable<Record> rows =
                IcebergGenerics.read(table).select(first).build()) {
            for (Record ignored : rows) {
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    private static long number(Map<String, String> summary, String key) {
        String value = summary.get(key);
        return value == null ? 0 : Long.parseLong(value);
    }
}
