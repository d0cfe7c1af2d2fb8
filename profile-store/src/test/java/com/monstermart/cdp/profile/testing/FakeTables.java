package com.monstermart.cdp.profile.testing;

import com.monstermart.cdp.profile.core.ProfileStoreTables;
import com.monstermart.cdp.profile.core.Row;
import com.monstermart.cdp.profile.core.RowSink;
import com.monstermart.cdp.profile.core.StreamPartition;
import com.monstermart.cdp.profile.core.TableDefinition;
import com.monstermart.cdp.profile.core.Watermarks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tables in memory with Iceberg's equality-delete semantics: a batch's deletes remove rows of earlier batches only,
 * then its appends are added. For checking what the processor writes without Iceberg.
 */
public final class FakeTables implements RowSink {
    private final Map<String, List<Row>> committed = new HashMap<>();
    private final Map<String, List<Row>> appends = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> deletes = new HashMap<>();
    private final Map<String, Map<StreamPartition, Long>> offsets = new HashMap<>();

    @Override
    public void append(Row row) {
        appends.computeIfAbsent(row.table().name(), ignored -> new ArrayList<>())
                .add(row.requireComplete());
    }

    @Override
    public void delete(String table, Map<String, Object> key) {
        deletes.computeIfAbsent(table, ignored -> new ArrayList<>()).add(Map.copyOf(key));
    }

    /** Applies the pending batch, recording its offsets for every table it changes (as snapshot summaries do). */
    public void commit(Map<StreamPartition, Long> batchOffsets) {
        java.util.Set<String> changed = new java.util.HashSet<>(appends.keySet());
        changed.addAll(deletes.keySet());
        changed.forEach(table ->
                offsets.computeIfAbsent(table, ignored -> new HashMap<>()).putAll(batchOffsets));
        deletes.forEach((table, keys) -> committed
                .getOrDefault(table, new ArrayList<>())
                .removeIf(row -> keys.stream().anyMatch(key -> matches(row, key))));
        appends.forEach((table, rows) ->
                committed.computeIfAbsent(table, ignored -> new ArrayList<>()).addAll(rows));
        appends.clear();
        deletes.clear();
    }

    /** Drops the pending batch (a crash before the commit). */
    public void abort() {
        appends.clear();
        deletes.clear();
    }

    /** Commits only the named tables of the pending batch, dropping the rest (a crash between table commits). */
    public void commitOnly(List<String> tables, Map<StreamPartition, Long> batchOffsets) {
        appends.keySet().retainAll(tables);
        deletes.keySet().retainAll(tables);
        commit(batchOffsets);
    }

    /** The tables' watermarks as the store would read them from snapshot summaries. */
    public Watermarks watermarks(Map<StreamPartition, Long> hotStore) {
        return new Watermarks(offsets, hotStore);
    }

    public List<Row> rows(String table) {
        return List.copyOf(committed.getOrDefault(table, List.of()));
    }

    /** Rows as maps of the given columns, for readable assertions. */
    public List<Map<String, Object>> rows(String table, String... columns) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Row row : rows(table)) {
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            for (String column : columns) {
                values.put(column, row.get(column));
            }
            result.add(values);
        }
        return result;
    }

    private static boolean matches(Row row, Map<String, Object> key) {
        return key.entrySet().stream().allMatch(entry -> Objects.equals(row.get(entry.getKey()), entry.getValue()));
    }

    public static List<TableDefinition> definitions() {
        return ProfileStoreTables.all(List.of());
    }
}
