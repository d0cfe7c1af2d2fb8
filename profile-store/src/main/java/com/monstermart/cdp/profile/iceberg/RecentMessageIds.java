package com.monstermart.cdp.profile.iceberg;

import com.monstermart.cdp.profile.core.MessageIdIndex;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Events;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;

/**
 * Rebuilds the {@link MessageIdIndex} at start from the newest rows of {@code events}: the data files with the
 * latest {@code ingested_at} (from the files' column statistics), read oldest first, until the index is full.
 */
public final class RecentMessageIds {
    private RecentMessageIds() {}

    /** Fills the index; returns how many message ids it read. */
    public static long load(Table events, MessageIdIndex index) {
        events.refresh();
        if (events.currentSnapshot() == null) {
            return 0;
        }
        Types.NestedField ingested = events.schema().findField(Events.INGESTED_AT);
        List<DataFile> files = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = events.newScan().planFiles()) {
            for (FileScanTask task : tasks) {
                files.add(task.file());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparingLong((DataFile file) -> newest(file, ingested.fieldId()))
                .reversed());
        List<DataFile> selected = new ArrayList<>();
        long rows = 0;
        for (DataFile file : files) {
            if (rows >= index.capacity()) {
                break;
            }
            selected.add(file);
            rows += file.recordCount();
        }
        Schema projection = events.schema().select(Events.MESSAGE_ID, Events.INGEST_PARTITION, Events.INGEST_OFFSET);
        long read = 0;
        for (int i = selected.size() - 1; i >= 0; i--) {
            try (CloseableIterable<Record> records = Parquet.read(
                            events.io().newInputFile(selected.get(i).location()))
                    .project(projection)
                    .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(projection, fileSchema))
                    .build()) {
                for (Record record : records) {
                    index.record(
                            (String) record.getField(Events.MESSAGE_ID),
                            (Integer) record.getField(Events.INGEST_PARTITION),
                            (Long) record.getField(Events.INGEST_OFFSET));
                    read++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }

    private static long newest(DataFile file, int fieldId) {
        if (file.upperBounds() == null) {
            return Long.MIN_VALUE;
        }
        ByteBuffer bound = file.upperBounds().get(fieldId);
        if (bound == null) {
            return Long.MIN_VALUE;
        }
        Long micros = Conversions.fromByteBuffer(Types.TimestampType.withZone(), bound);
        return micros == null ? Long.MIN_VALUE : micros;
    }
}
