package com.monstermart.cdp.profile.iceberg;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.profile.core.ProfileStoreErrorCode;
import com.monstermart.cdp.profile.core.ProfileStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.PartitionStatisticsFile;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericDeleteFilter;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.io.SupportsPrefixOperations;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.StructLikeWrapper;

/**
 * Keeps the tables healthy: compaction of small files (applying row-level deletes while rewriting), snapshot
 * expiry and orphan-file removal. Erasure relies on all three: rows deleted from a table stay in older files until
 * compaction rewrites them and expiry drops the snapshots that still reference the old files.
 *
 * <p>Framework-free; the service runs these on a schedule and on request, never concurrently with its own batch
 * commits.
 */
public final class TableMaintenance {
    /** Orphan files younger than this are never deleted: they may belong to a commit in flight. */
    public static final Duration MINIMUM_ORPHAN_AGE = Duration.ofMinutes(5);

    private final long targetFileBytes;
    private final int minimumFilesToCompact;

    /**
     * @param targetFileBytes files smaller than three quarters of this are small; rewritten files roll at this size
     * @param minimumFilesToCompact a partition is compacted when it has at least this many small files (or any
     *     delete file)
     */
    public TableMaintenance(long targetFileBytes, int minimumFilesToCompact) {
        if (targetFileBytes < 1024) {
            throw new IllegalArgumentException("targetFileBytes must be at least 1024: " + targetFileBytes);
        }
        if (minimumFilesToCompact < 2) {
            throw new IllegalArgumentException("minimumFilesToCompact must be at least 2: " + minimumFilesToCompact);
        }
        this.targetFileBytes = targetFileBytes;
        this.minimumFilesToCompact = minimumFilesToCompact;
    }

    /** What a compaction did. */
    public record CompactionReport(
            String table,
            int partitionsRewritten,
            int dataFilesRewritten,
            int deleteFilesRemoved,
            int dataFilesAdded,
            long rowsWritten) {}

    /** What a snapshot expiry did. */
    public record ExpiryReport(String table, int snapshotsExpired, int snapshotsKept, long filesDeleted) {}

    /** What an orphan-file removal did. */
    public record OrphanReport(String table, int filesScanned, int orphansDeleted) {}

    // ---------------------------------------------------------------------------------------------- compaction

    /**
     * Rewrites, per partition, the small data files into files of the target size, and every data file of a
     * partition that has delete files (the deletes are applied and the delete files dropped). One commit per table,
     * validated against concurrent deletes (a conflicting Trino DELETE makes it fail; run it again).
     */
    public CompactionReport compact(Table table) {
        table.refresh();
        Snapshot start = table.currentSnapshot();
        if (start == null) {
            return new CompactionReport(table.name(), 0, 0, 0, 0, 0);
        }
        List<Group> groups = groups(table, start);
        Set<DataFile> rewrittenData = new HashSet<>();
        Set<DeleteFile> removedDeletes = new HashSet<>();
        Set<DataFile> added = new HashSet<>();
        long rowsWritten = 0;
        int partitions = 0;
        Schema schema = table.schema();
        OutputFileFactory files = OutputFileFactory.builderFor(table, 2, System.nanoTime())
                .format(FileFormat.PARQUET)
                .build();
        GenericAppenderFactory appenders = new GenericAppenderFactory(schema, table.spec());
        appenders.setAll(table.properties());
        try {
            for (Group group : groups) {
                List<FileScanTask> selected = group.select(targetFileBytes, minimumFilesToCompact);
                if (selected.isEmpty()) {
                    continue;
                }
                partitions++;
                Writer writer = new Writer(table, files, appenders, group.partition, group.specId);
                for (FileScanTask task : selected) {
                    try (CloseableIterable<Record> rows = read(table, task, schema)) {
                        for (Record row : rows) {
                            writer.write(copy(row, schema));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    rewrittenData.add(task.file());
                }
                added.addAll(writer.finish());
                rowsWritten += writer.rows;
                if (selected.size() == group.tasks.size()) {
                    removedDeletes.addAll(group.deleteFiles());
                }
            }
        } catch (RuntimeException e) {
            deleteQuietly(table.io(), added);
            throw e;
        }
        if (rewrittenData.isEmpty()) {
            return new CompactionReport(table.name(), 0, 0, 0, 0, 0);
        }
        RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(start.snapshotId());
        rewrittenData.forEach(rewrite::deleteFile);
        removedDeletes.forEach(rewrite::deleteFile);
        added.forEach(rewrite::addFile);
        rewrite.set("cdp.maintenance", "compaction");
        try {
            rewrite.commit();
        } catch (ValidationException e) {
            deleteQuietly(table.io(), added);
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.MAINTENANCE_CONFLICT,
                    "Compaction of %s conflicts with a concurrent change (%s): run it again"
                            .formatted(table.name(), e.getMessage()),
                    e);
        }
        return new CompactionReport(
                table.name(), partitions, rewrittenData.size(), removedDeletes.size(), added.size(), rowsWritten);
    }

    private static List<Group> groups(Table table, Snapshot start) {
        Map<Integer, Map<StructLikeWrapper, Group>> bySpec = new LinkedHashMap<>();
        try (CloseableIterable<FileScanTask> tasks =
                table.newScan().useSnapshot(start.snapshotId()).planFiles()) {
            for (FileScanTask task : tasks) {
                DataFile file = task.file();
                Types.StructType partitionType =
                        table.specs().get(file.specId()).partitionType();
                StructLikeWrapper key = StructLikeWrapper.forType(partitionType).set(file.partition());
                bySpec.computeIfAbsent(file.specId(), ignored -> new LinkedHashMap<>())
                        .computeIfAbsent(key, ignored -> new Group(file.specId(), file.partition()))
                        .tasks
                        .add(task);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Group> groups = new ArrayList<>();
        bySpec.values().forEach(partitions -> groups.addAll(partitions.values()));
        return groups;
    }

    private static final class Group {
        final int specId;
        final StructLike partition;
        final List<FileScanTask> tasks = new ArrayList<>();

        Group(int specId, StructLike partition) {
            this.specId = specId;
            this.partition = partition;
        }

        Set<DeleteFile> deleteFiles() {
            Set<DeleteFile> deletes = new HashSet<>();
            tasks.forEach(task -> deletes.addAll(task.deletes()));
            return deletes;
        }

        List<FileScanTask> select(long targetFileBytes, int minimumFiles) {
            if (!deleteFiles().isEmpty()) {
                return tasks;
            }
            List<FileScanTask> small = tasks.stream()
                    .filter(task -> task.file().fileSizeInBytes() < targetFileBytes * 3 / 4)
                    .toList();
            return small.size() >= minimumFiles ? small : List.of();
        }
    }

    /** Rolls output files at the target size. */
    private final class Writer {
        private final Table table;
        private final OutputFileFactory files;
        private final GenericAppenderFactory appenders;
        private final StructLike partition;
        private final int specId;
        private final List<DataFile> written = new ArrayList<>();
        private DataWriter<Record> current;
        private long rows;

        Writer(
                Table table,
                OutputFileFactory files,
                GenericAppenderFactory appenders,
                StructLike partition,
                int specId) {
            this.table = table;
            this.files = files;
            this.appenders = appenders;
            this.partition = partition;
            this.specId = specId;
        }

        void write(Record row) {
            if (current == null) {
                boolean unpartitioned = table.specs().get(specId).isUnpartitioned();
                current = appenders.newDataWriter(
                        unpartitioned
                                ? files.newOutputFile()
                                : files.newOutputFile(table.specs().get(specId), partition),
                        FileFormat.PARQUET,
                        unpartitioned ? null : partition);
            }
            current.write(row);
            rows++;
            if (rows % 10_000 == 0 && current.length() >= targetFileBytes) {
                roll();
            }
        }

        private void roll() {
            try {
                current.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.add(current.toDataFile());
            current = null;
        }

        List<DataFile> finish() {
            if (current != null) {
                roll();
            }
            return written;
        }
    }

    /** A data file's rows with its delete files applied. */
    private static CloseableIterable<Record> read(Table table, FileScanTask task, Schema schema) {
        GenericDeleteFilter deletes = new GenericDeleteFilter(table.io(), task, schema, schema);
        Schema required = deletes.requiredSchema();
        CloseableIterable<Record> rows = Parquet.read(
                        table.io().newInputFile(task.file().location()))
                .project(required)
                .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(required, fileSchema))
                .build();
        return deletes.filter(rows);
    }

    private static Record copy(Record row, Schema schema) {
        GenericRecord copy = GenericRecord.create(schema);
        for (Types.NestedField field : schema.columns()) {
            copy.setField(field.name(), row.getField(field.name()));
        }
        return copy;
    }

    private static void deleteQuietly(FileIO io, Set<DataFile> files) {
        for (DataFile file : files) {
            try {
                io.deleteFile(file.location());
            } catch (RuntimeException e) {
                // Left for orphan-file removal.
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- expiry

    /**
     * Expires snapshots older than {@code olderThan} (keeping at least the newest {@code retainLast}) and deletes
     * the files only they referenced.
     */
    public ExpiryReport expireSnapshots(Table table, Instant olderThan, int retainLast) {
        requireNonNull(olderThan, "olderThan is null");
        if (retainLast < 1) {
            throw new IllegalArgumentException("retainLast must be at least 1: " + retainLast);
        }
        table.refresh();
        int before = size(table.snapshots());
        if (before == 0) {
            return new ExpiryReport(table.name(), 0, 0, 0);
        }
        AtomicLong deleted = new AtomicLong();
        FileIO io = table.io();
        table.expireSnapshots()
                .expireOlderThan(olderThan.toEpochMilli())
                .retainLast(retainLast)
                .cleanExpiredFiles(true)
                .deleteWith(location -> {
                    io.deleteFile(location);
                    deleted.incrementAndGet();
                })
                .commit();
        table.refresh();
        int after = size(table.snapshots());
        return new ExpiryReport(table.name(), before - after, after, deleted.get());
    }

    private static int size(Iterable<?> iterable) {
        int count = 0;
        for (Object ignored : iterable) {
            count++;
        }
        return count;
    }

    // ------------------------------------------------------------------------------------------------ orphans

    /**
     * Deletes files under the table's location that no snapshot, manifest or metadata file references and that are
     * older than {@code olderThan} (never younger than {@link #MINIMUM_ORPHAN_AGE}).
     */
    public OrphanReport removeOrphanFiles(Table table, Instant olderThan, Instant now) {
        requireNonNull(olderThan, "olderThan is null");
        Instant cutoff = olderThan.isAfter(now.minus(MINIMUM_ORPHAN_AGE)) ? now.minus(MINIMUM_ORPHAN_AGE) : olderThan;
        if (!(table.io() instanceof SupportsPrefixOperations listing)) {
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.INVALID_CONFIGURATION,
                    "Orphan-file removal needs a FileIO that can list files; %s cannot"
                            .formatted(table.io().getClass().getSimpleName()));
        }
        table.refresh();
        Set<String> reachable = reachable(table);
        if (reachable.isEmpty()) {
            return new OrphanReport(table.name(), 0, 0);
        }
        AtomicInteger scanned = new AtomicInteger();
        List<String> orphans = new ArrayList<>();
        for (FileInfo file : listing.listPrefix(table.location())) {
            scanned.incrementAndGet();
            if (file.createdAtMillis() < cutoff.toEpochMilli() && !reachable.contains(normalize(file.location()))) {
                orphans.add(file.location());
            }
        }
        orphans.forEach(table.io()::deleteFile);
        return new OrphanReport(table.name(), scanned.get(), orphans.size());
    }

    private static Set<String> reachable(Table table) {
        Set<String> locations = new HashSet<>();
        FileIO io = table.io();
        ReachableFileUtil.metadataFileLocations(table, true).forEach(location -> locations.add(normalize(location)));
        ReachableFileUtil.statisticsFilesLocations(table).forEach(location -> locations.add(normalize(location)));
        for (PartitionStatisticsFile statistics : table.partitionStatisticsFiles()) {
            locations.add(normalize(statistics.path()));
        }
        Set<String> manifests = new HashSet<>();
        for (Snapshot snapshot : table.snapshots()) {
            if (snapshot.manifestListLocation() != null) {
                locations.add(normalize(snapshot.manifestListLocation()));
            }
            for (ManifestFile manifest : snapshot.allManifests(io)) {
                if (!manifests.add(manifest.path())) {
                    continue;
                }
                locations.add(normalize(manifest.path()));
                switch (manifest.content()) {
                    case DATA -> addAll(locations, ManifestFiles.read(manifest, io, table.specs()));
                    case DELETES -> addAll(locations, ManifestFiles.readDeleteManifest(manifest, io, table.specs()));
                }
            }
        }
        return locations;
    }

    private static <F extends ContentFile<F>> void addAll(
            Set<String> locations, org.apache.iceberg.ManifestReader<F> reader) {
        try (reader) {
            for (F file : reader.select(List.of("file_path"))) {
                locations.add(normalize(file.location()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file:///a/b}, {@code file:/a/b} and {@code /a/b} name the same file. */
    static String normalize(String location) {
        String path = location;
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
            while (path.startsWith("//")) {
                path = path.substring(1);
            }
        }
        return path;
    }
}
