package com.monstermart.cdp.profile.iceberg;

import com.monstermart.cdp.profile.core.StreamPartition;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.Table;

/**
 * The Kafka offsets a table commit covers, kept in the snapshot summary: {@code cdp.kafka-offset.<topic>.<partition>
 * = <last offset>}. One key per partition, so writers of different partitions never overwrite each other's.
 */
public final class SnapshotOffsets {
    public static final String PREFIX = "cdp.kafka-offset.";

    private SnapshotOffsets() {}

    public static void record(SnapshotUpdate<?> update, Map<StreamPartition, Long> offsets) {
        offsets.forEach((partition, offset) -> update.set(key(partition), Long.toString(offset)));
    }

    public static String key(StreamPartition partition) {
        return PREFIX + partition.topic() + "." + partition.partition();
    }

    /**
     * The newest offset each partition has in the table's snapshot history (walking back from the current snapshot
     * through its ancestors; maintenance and Trino commits carry no offsets and are passed over).
     */
    public static Map<StreamPartition, Long> read(Table table) {
        Map<StreamPartition, Long> offsets = new HashMap<>();
        Snapshot snapshot = table.currentSnapshot();
        while (snapshot != null) {
            for (Map.Entry<String, String> property : snapshot.summary().entrySet()) {
                StreamPartition partition = parse(property.getKey());
                if (partition != null && !offsets.containsKey(partition)) {
                    offsets.put(partition, Long.parseLong(property.getValue()));
                }
            }
            Long parent = snapshot.parentId();
            snapshot = parent == null ? null : table.snapshot(parent);
        }
        return offsets;
    }

    private static StreamPartition parse(String key) {
        if (!key.startsWith(PREFIX)) {
            return null;
        }
        int dot = key.lastIndexOf('.');
        if (dot <= PREFIX.length()) {
            return null;
        }
        try {
            return new StreamPartition(key.substring(PREFIX.length(), dot), Integer.parseInt(key.substring(dot + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
