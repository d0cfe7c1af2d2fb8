package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

/**
 * How far each table already holds the input: per table and topic partition, the last offset whose rows the
 * table has committed. A replay after a crash writes a row only for records beyond its table's watermark, so no
 * table gets a record twice — whatever table commit the crash interrupted.
 *
 * @param tables table name → partition → last committed offset
 * @param hotStore partition → last offset committed to the hot store (the store replays from there)
 */
public record Watermarks(Map<String, Map<StreamPartition, Long>> tables, Map<StreamPartition, Long> hotStore) {
    public Watermarks {
        Map<String, Map<StreamPartition, Long>> copy = new HashMap<>();
        requireNonNull(tables, "tables is null").forEach((table, offsets) -> copy.put(table, Map.copyOf(offsets)));
        tables = Map.copyOf(copy);
        hotStore = Map.copyOf(requireNonNull(hotStore, "hotStore is null"));
    }

    public static Watermarks none() {
        return new Watermarks(Map.of(), Map.of());
    }

    /** Whether the hot store already applied this record (then the whole record is skipped). */
    public boolean appliedToHotStore(StreamPosition position) {
        return position.offset() <= hotStore.getOrDefault(position.streamPartition(), -1L);
    }

    /** Whether the table does not have this record's rows yet. */
    public boolean isNew(String table, StreamPosition position) {
        long hot = hotStore.getOrDefault(position.streamPartition(), -1L);
        long committed = tables.getOrDefault(table, Map.of()).getOrDefault(position.streamPartition(), -1L);
        return position.offset() > Math.max(hot, committed);
    }

    /**
     * Whether the table holds rows of records the hot store does not have yet (a crash interrupted the last batch
     * between the table's commit and the hot store's). Then rows of keys new to the hot store may already be in the
     * table and must be deleted before they are written again.
     */
    public boolean replaying(String table) {
        for (Map.Entry<StreamPartition, Long> committed :
                tables.getOrDefault(table, Map.of()).entrySet()) {
            if (committed.getValue() > hotStore.getOrDefault(committed.getKey(), -1L)) {
                return true;
            }
        }
        return false;
    }

    /** Where to resume reading a partition: after what the hot store has. */
    public long resumeOffset(StreamPartition partition) {
        return hotStore.getOrDefault(partition, -1L) + 1;
    }
}
