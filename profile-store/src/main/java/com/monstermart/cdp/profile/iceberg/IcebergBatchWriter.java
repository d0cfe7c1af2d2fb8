package com.monstermart.cdp.profile.iceberg;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.profile.core.Column;
import com.monstermart.cdp.profile.core.ProfileStoreErrorCode;
import com.monstermart.cdp.profile.core.ProfileStoreException;
import com.monstermart.cdp.profile.core.ProfileStoreTables;
import com.monstermart.cdp.profile.core.Row;
import com.monstermart.cdp.profile.core.RowSink;
import com.monstermart.cdp.profile.core.StreamPartition;
import com.monstermart.cdp.profile.core.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.types.Types;

/**
 * Writes one batch of rows into the store's Iceberg tables and commits each table once: appends as a fast
 * {@code append}, upserts as a {@code row delta} of equality deletes plus new rows (format v2). Every commit
 * records the batch's Kafka offsets in its snapshot summary ({@link SnapshotOffsets}) so a restart knows what the
 * table already holds.
 *
 * <p>Memory stays bounded however many partitions a batch spans (a backfill over many days: each day and event
 * type is a partition of {@code events}): a row goes straight to its partition's open Parquet file if it has one;
 * otherwise it waits in a per-partition buffer. When a table's buffers hold {@value #BUFFERED_ROWS} rows (by default), the
 * partition with the most of them gets a file (opened, its rows written, left open for the rows to come), and at
 * commit every partition still buffered gets one. At most {@code maxOpenFiles} files per table are open at once;
 * opening another closes the one written least recently. So each partition gets one file per batch unless more
 * than {@code maxOpenFiles} partitions are busy at once, and memory holds at most {@value #BUFFERED_ROWS} buffered
 * rows and {@code maxOpenFiles} writers' buffers (about 1–3 MB each) per table. Not thread-safe.
 */
public final class IcebergBatchWriter implements RowSink {
    private static final AtomicLong TASK_IDS = new AtomicLong(System.nanoTime() & 0xFFFFFFFL);

    /** Rows a table's partition buffers hold before the biggest buffered partition gets a file. */
    static final int BUFFERED_ROWS = 10_000;

    /** Open Parquet files per table when none is given. */
    public static final int DEFAULT_MAX_OPEN_FILES = 8;

    private final ProfileStoreWarehouse warehouse;
    private final int maxOpenFiles;
    private final int bufferedRows;
    private final Map<String, TableBatch> batches = new LinkedHashMap<>();

    public IcebergBatchWriter(ProfileStoreWarehouse warehouse) {
        this(warehouse, DEFAULT_MAX_OPEN_FILES);
    }

    /** @param maxOpenFiles how many Parquet files a batch keeps open per table (at least 1) */
    public IcebergBatchWriter(ProfileStoreWarehouse warehouse, int maxOpenFiles) {
        this(warehouse, maxOpenFiles, BUFFERED_ROWS);
    }

    /** With a smaller buffer (tests). */
    IcebergBatchWriter(ProfileStoreWarehouse warehouse, int maxOpenFiles, int bufferedRows) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        if (maxOpenFiles < 1 || bufferedRows < 1) {
            throw new IllegalArgumentException(
                    "maxOpenFiles and bufferedRows must be at least 1: %d, %d".formatted(maxOpenFiles, bufferedRows));
        }
        this.maxOpenFiles = maxOpenFiles;
        this.bufferedRows = bufferedRows;
    }

    @Override
    public void append(Row row) {
        batch(row.table().name()).append(row);
    }

    @Override
    public void delete(String table, Map<String, Object> key) {
        batch(table).delete(key);
    }

    /** Whether the batch has anything to commit. */
    public boolean isEmpty() {
        return batches.values().stream().allMatch(TableBatch::isEmpty);
    }

    /**
     * Closes the files and commits every table that has changes, in {@link ProfileStoreTables#ALL} order.
     *
     * @param offsets per partition, the last offset the batch covers; recorded in each snapshot summary
     * @return what each committed table got
     */
    public List<TableCommit> commit(Map<StreamPartition, Long> offsets) {
        List<TableCommit> commits = new ArrayList<>();
        try {
            for (String name : ProfileStoreTables.ALL) {
                TableBatch batch = batches.get(name);
                if (batch != null && !batch.isEmpty()) {
                    commits.add(batch.commit(offsets));
                }
            }
            for (TableBatch batch : batches.values()) {
                if (!batch.isEmpty() && !ProfileStoreTables.ALL.contains(batch.definition.name())) {
                    commits.add(batch.commit(offsets));
                }
            }
        } finally {
            batches.values().forEach(TableBatch::abort);
            batches.clear();
        }
        return commits;
    }

    /** Drops what the batch wrote so far (its files become orphans that orphan-file removal deletes). */
    public void abort() {
        batches.values().forEach(TableBatch::abort);
        batches.clear();
    }

    private TableBatch batch(String name) {
        TableBatch batch = batches.get(name);
        if (batch == null) {
            batch = new TableBatch(warehouse.table(name), warehouse.definition(name), maxOpenFiles, bufferedRows);
            batches.put(name, batch);
        }
        return batch;
    }

    /** What one table commit added. */
    public record TableCommit(
            String table,
            long snapshotId,
            int dataFiles,
            int deleteFiles,
            long rows,
            long deletes,
            long commitMillis) {}

    /** The open writers and pending deletes of one table in one batch. */
    private static final class TableBatch {
        private final Table table;
        private final TableDefinition definition;
        private final Schema schema;
        private final PartitionSpec spec;
        private final int[] recordPositions;
        private final Types.NestedField[] fields;
        private final GenericAppenderFactory appenders;
        private final OutputFileFactory files;
        private final PartitionKey partitionKey;
        private final InternalRecordWrapper partitionWrapper;
        private final GenericRecord template;
        private final int maxOpenFiles;
        private final int maxBufferedRows;
        /** Open writers, least recently written first. */
        private final Map<PartitionKey, DataWriter<Record>> writers = new LinkedHashMap<>(16, 0.75f, true);
        /** Rows of partitions without an open file. */
        private final Map<PartitionKey, List<Record>> buffered = new HashMap<>();

        private int bufferedRows;

        private final Set<List<Object>> deleteKeys = new LinkedHashSet<>();
        private final List<DataFile> closedFiles = new ArrayList<>();
        private long rows;

        TableBatch(Table table, TableDefinition definition, int maxOpenFiles, int maxBufferedRows) {
            this.table = table;
            this.maxOpenFiles = maxOpenFiles;
            this.maxBufferedRows = maxBufferedRows;
            this.definition = definition;
            this.schema = table.schema();
            this.spec = table.spec();
            List<Column> columns = definition.columns();
            this.recordPositions = new int[columns.size()];
            this.fields = new Types.NestedField[columns.size()];
            List<Types.NestedField> tableFields = schema.columns();
            for (int i = 0; i < columns.size(); i++) {
                recordPositions[i] = -1;
                for (int position = 0; position < tableFields.size(); position++) {
                    if (tableFields.get(position).name().equals(columns.get(i).name())) {
                        recordPositions[i] = position;
                        fields[i] = tableFields.get(position);
                    }
                }
            }
            if (definition.isAppendOnly()) {
                this.appenders = new GenericAppenderFactory(schema, spec);
            } else {
                int[] equalityIds = definition.equalityColumns().stream()
                        .mapToInt(column -> schema.findField(column).fieldId())
                        .toArray();
                this.appenders = new GenericAppenderFactory(
                        schema, spec, equalityIds, schema.select(definition.equalityColumns()), null);
            }
            this.appenders.setAll(table.properties());
            this.files = OutputFileFactory.builderFor(table, 1, TASK_IDS.incrementAndGet())
                    .format(FileFormat.PARQUET)
                    .build();
            this.partitionKey = new PartitionKey(spec, schema);
            this.partitionWrapper = new InternalRecordWrapper(schema.asStruct());
            this.template = GenericRecord.create(schema);
        }

        boolean isEmpty() {
            return rows == 0 && deleteKeys.isEmpty();
        }

        void append(Row row) {
            Record record = template.copy();
            for (int i = 0; i < recordPositions.length; i++) {
                int position = recordPositions[i];
                if (position >= 0) {
                    record.set(position, toIceberg(row.get(i), fields[i]));
                } else if (row.get(i) != null && definition.columns().get(i).isRequired()) {
                    throw new ProfileStoreException(
                            ProfileStoreErrorCode.ICEBERG_FAILED,
                            "Iceberg table %s lacks column %s: restart the profile store to add it"
                                    .formatted(
                                            table.name(),
                                            definition.columns().get(i).name()));
                }
            }
            rows++;
            if (spec.isUnpartitioned()) {
                writers.computeIfAbsent(partitionKey, key -> newWriter(null)).write(record);
                return;
            }
            partitionKey.partition(partitionWrapper.wrap(record));
            DataWriter<Record> writer = writers.get(partitionKey);
            if (writer != null) {
                writer.write(record);
                return;
            }
            List<Record> buffer = buffered.get(partitionKey);
            if (buffer == null) {
                buffer = new ArrayList<>();
                buffered.put(partitionKey.copy(), buffer);
            }
            buffer.add(record);
            if (++bufferedRows >= maxBufferedRows) {
                PartitionKey biggest = buffered.entrySet().stream()
                        .max(Comparator.comparingInt(entry -> entry.getValue().size()))
                        .orElseThrow()
                        .getKey();
                writeBuffered(biggest);
            }
        }

        /** Opens a file for a buffered partition and writes its rows; the file stays open for more. */
        private void writeBuffered(PartitionKey partition) {
            List<Record> records = buffered.remove(partition);
            bufferedRows -= records.size();
            if (writers.size() >= maxOpenFiles) {
                closeLeastRecentlyWritten();
            }
            DataWriter<Record> writer = newWriter(partition);
            writers.put(partition, writer);
            records.forEach(writer::write);
        }

        void delete(Map<String, Object> key) {
            List<Object> values = new ArrayList<>(definition.equalityColumns().size());
            for (String column : definition.equalityColumns()) {
                Object value = key.get(column);
                if (value == null) {
                    throw new IllegalArgumentException(
                            "Delete from %s lacks key column %s".formatted(definition.name(), column));
                }
                values.add(value);
            }
            deleteKeys.add(values);
        }

        private void closeLeastRecentlyWritten() {
            var eldest = writers.entrySet().iterator();
            DataWriter<Record> writer = eldest.next().getValue();
            eldest.remove();
            close(writer);
        }

        private void close(DataWriter<Record> writer) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close a data file of " + table.name(), e);
            }
            closedFiles.add(writer.toDataFile());
        }

        private DataWriter<Record> newWriter(PartitionKey partition) {
            return appenders.newDataWriter(
                    partition == null ? files.newOutputFile() : files.newOutputFile(spec, partition),
                    FileFormat.PARQUET,
                    partition);
        }

        TableCommit commit(Map<StreamPartition, Long> offsets) {
            long started = System.nanoTime();
            List<DataFile> dataFiles = closeWriters();
            List<DeleteFile> deleteFiles = writeDeletes();
            SnapshotUpdate<?> update;
            if (deleteFiles.isEmpty()) {
                AppendFiles append = table.newAppend();
                dataFiles.forEach(append::appendFile);
                update = append;
            } else {
                RowDelta delta = table.newRowDelta();
                deleteFiles.forEach(delta::addDeletes);
                dataFiles.forEach(delta::addRows);
                update = delta;
            }
            SnapshotOffsets.record(update, offsets);
            try {
                update.commit();
            } catch (RuntimeException e) {
                throw new ProfileStoreException(
                        ProfileStoreErrorCode.ICEBERG_FAILED,
                        "Cannot commit %d rows to Iceberg table %s: %s".formatted(rows, table.name(), e.getMessage()),
                        e);
            }
            long snapshotId = table.currentSnapshot().snapshotId();
            TableCommit commit = new TableCommit(
                    definition.name(),
                    snapshotId,
                    dataFiles.size(),
                    deleteFiles.size(),
                    rows,
                    deleteKeys.size(),
                    (System.nanoTime() - started) / 1_000_000);
            closedFiles.clear();
            rows = 0;
            deleteKeys.clear();
            return commit;
        }

        private List<DataFile> closeWriters() {
            while (!buffered.isEmpty()) {
                writeBuffered(buffered.keySet().iterator().next());
            }
            for (DataWriter<Record> writer : writers.values()) {
                close(writer);
            }
            writers.clear();
            return List.copyOf(closedFiles);
        }

        private List<DeleteFile> writeDeletes() {
            if (deleteKeys.isEmpty()) {
                return List.of();
            }
            Schema keySchema = schema.select(definition.equalityColumns());
            EqualityDeleteWriter<Record> writer =
                    appenders.newEqDeleteWriter(files.newOutputFile(), FileFormat.PARQUET, null);
            try (writer) {
                for (List<Object> key : deleteKeys) {
                    GenericRecord record = GenericRecord.create(keySchema);
                    for (int i = 0; i < key.size(); i++) {
                        String column = definition.equalityColumns().get(i);
                        record.setField(column, toIceberg(key.get(i), keySchema.findField(column)));
                    }
                    writer.write(record);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the delete file of " + table.name(), e);
            }
            return List.of(writer.toDeleteFile());
        }

        void abort() {
            for (DataWriter<Record> writer : writers.values()) {
                try {
                    writer.close();
                } catch (IOException | RuntimeException e) {
                    // The file is abandoned either way: orphan-file removal deletes it.
                }
            }
            writers.clear();
            buffered.clear();
            bufferedRows = 0;
            closedFiles.clear();
            deleteKeys.clear();
            rows = 0;
        }

        private static Object toIceberg(Object value, Types.NestedField field) {
            return switch (value) {
                case null -> null;
                case Instant instant -> OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
                case BigDecimal decimal ->
                    decimal.setScale(((Types.DecimalType) field.type()).scale(), RoundingMode.HALF_UP);
                default -> value;
            };
        }
    }
}
